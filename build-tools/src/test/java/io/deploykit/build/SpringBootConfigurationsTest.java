package io.deploykit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The configuration class written for a small component's metadata. */
class SpringBootConfigurationsTest {

    private static final String METADATA = """
            {
              "component": { "kind": "component", "scheme": "demo", "javaType": "io.example.demo.DemoComponent",
                "description": "Deploys demos." },
              "componentProperties": {
                "configuration": { "type": "object", "javaType": "io.example.demo.DemoConfiguration",
                  "description": "Shared options" },
                "baseUrl": { "type": "string", "javaType": "java.lang.String", "defaultValue": "https://x/\\"y\\"",
                  "description": "Where */ the API is." },
                "maxRetries": { "type": "integer", "javaType": "int", "defaultValue": 5, "description": "Retries." },
                "uploadThreshold": { "type": "integer", "javaType": "long", "defaultValue": 8388608, "description": "Bytes." },
                "waitForCompletion": { "type": "boolean", "javaType": "boolean", "defaultValue": true, "description": "Wait." },
                "pollInterval": { "type": "duration", "javaType": "long", "defaultValue": "5s", "description": "How often." },
                "operation": { "type": "enum", "javaType": "io.example.demo.DemoOperation", "enum": [ "list", "import" ],
                  "description": "What." },
                "sslContextParameters": { "type": "object", "javaType": "org.apache.camel.support.jsse.SSLContextParameters",
                  "description": "TLS." },
                "clientSecret": { "type": "string", "javaType": "java.lang.String", "secret": true, "description": "Secret." }
              }
            }
            """;

    @Test
    void theClassFollowsCamelsStarterLayoutWithTheTypesSpringBootBindsFaithfully() throws Exception {
        SpringBootConfigurations.Generated generated = SpringBootConfigurations.generate(new ObjectMapper().readTree(METADATA));
        String source = generated.source();

        assertEquals("io.example.demo.springboot", generated.packageName());
        assertEquals("DemoComponentConfiguration", generated.className());
        assertTrue(source.contains("@ConfigurationProperties(prefix = \"camel.component.demo\")\npublic class"
                                   + " DemoComponentConfiguration extends ComponentConfigurationPropertiesCommon {"), source);
        assertTrue(source.contains("    private Boolean enabled;\n"), source);
        assertTrue(source.contains("     * Where *&#47; the API is.\n     */\n    private String baseUrl = \"https://x/\\\"y\\\"\";"),
                source);
        assertTrue(source.contains("    private Integer maxRetries = 5;\n"), source);
        assertTrue(source.contains("    private Long uploadThreshold = 8388608L;\n"), source);
        assertTrue(source.contains("    private Boolean waitForCompletion = true;\n"), source);
        // Camel converts these, as in URIs: 1m30s, import, #bean:name
        assertTrue(source.contains("How often. A duration: milliseconds, or a number with units such as 10s, 1m30s or"
                                   + " 2h.\n     */\n    private String pollInterval = \"5s\";"), source);
        assertTrue(source.contains("    private String operation;\n"), source);
        assertTrue(source.contains("TLS. The value names a bean: #bean:name.\n     */\n    private String sslContextParameters;"),
                source);
        assertTrue(source.contains("Secret. A secret: never logged; keep it out of source files, for example in the"
                                   + " environment variable CAMEL_COMPONENT_DEMO_CLIENTSECRET."), source);
        assertTrue(source.contains("    public void setSslContextParameters(String sslContextParameters) {"), source);
        assertFalse(source.contains(" configuration"), "the nested configuration is bound option by option");
        assertEquals(List.of(Map.of("name", "camel.component.demo.operation",
                "values", List.of(Map.of("value", "list"), Map.of("value", "import")))), generated.hints());
    }
}
