package io.deploykit.camel.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The IDE metadata that spring-boot-configuration-processor wrote while this module was built, from the
 * configuration classes the build generated from the components' Camel metadata, describes every component option
 * as Camel does: its description, default and values, and which are secrets.
 */
class ConfigurationMetadataTest {

    /** What the processor wrote into this module's classes (other jars on the class path have their own). */
    private static final Path WRITTEN = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode metadata;

    @BeforeAll
    static void read() throws IOException {
        metadata = JSON.readTree(WRITTEN.toFile());
    }

    @ParameterizedTest
    @CsvSource({"bc, io.deploykit.camel.bc.springboot.BcComponentConfiguration",
                "reactor, io.deploykit.camel.reactor.springboot.ReactorComponentConfiguration"})
    void eachComponentIsAGroupOfItsConfigurationClassWithItsSwitches(String scheme, String configurationClass) {
        String prefix = "camel.component." + scheme;
        assertTrue(StreamSupport.stream(metadata.get("groups").spliterator(), false).anyMatch(group ->
                group.get("name").asText().equals(prefix) && group.get("type").asText().equals(configurationClass)),
                prefix + " of type " + configurationClass);
        Map<String, JsonNode> properties = byName(metadata.get("properties"));
        JsonNode enabled = properties.get(prefix + ".enabled");
        assertNotNull(enabled, prefix + ".enabled");
        assertTrue(enabled.get("description").asText().startsWith("Whether to configure the " + scheme + " component"));
        assertNotNull(properties.get(prefix + ".customizer.enabled"), "Camel's starter switch " + prefix
                                                                     + ".customizer.enabled");
    }

    /** Checked against the component JSON read on its own, not through the generator's reading of it. */
    @ParameterizedTest
    @CsvSource({"bc, /META-INF/io/deploykit/camel/bc/bc.json",
                "reactor, /META-INF/io/deploykit/camel/reactor/reactor.json"})
    void everyComponentOptionIsDescribed(String scheme, String componentJson) throws IOException {
        Map<String, JsonNode> properties = byName(metadata.get("properties"));
        Map<String, JsonNode> hints = byName(metadata.get("hints"));
        String prefix = "camel.component." + scheme + ".";

        JsonNode options;
        try (InputStream in = getClass().getResourceAsStream(componentJson)) {
            options = JSON.readTree(in).get("componentProperties");
        }
        List<String> described = StreamSupport.stream(metadata.get("properties").spliterator(), false)
                .map(property -> property.get("name").asText()).filter(name -> name.startsWith(prefix)).toList();
        // the options less configuration (bound option by option), plus enabled and customizer.enabled
        assertEquals(options.size() + 1, described.size(), described.toString());

        options.properties().stream().filter(option -> !option.getKey().equals("configuration")).forEach(entry -> {
            JsonNode option = entry.getValue();
            String name = prefix + ComponentCustomizers.kebab(entry.getKey());
            JsonNode property = properties.get(name);
            assertNotNull(property, name);
            String description = property.get("description").asText();
            assertTrue(description.startsWith(option.get("description").asText()), name + ": " + description);
            assertEquals(option.get("secret").asBoolean(), description.contains(" A secret: never logged;"), name);
            assertEquals(option.path("defaultValue").asText(null), property.path("defaultValue").asText(null), name);
            if (option.get("type").asText().equals("duration")) {
                assertTrue(description.contains("A duration: milliseconds, or a number with units"), name);
            }
            if (option.has("enum")) {
                JsonNode hint = hints.get(name);
                assertNotNull(hint, "the values of " + name);
                assertEquals(text(option.get("enum")), text(hint.get("values").findValues("value")), name);
            }
        });
    }

    private static Map<String, JsonNode> byName(JsonNode entries) {
        Map<String, JsonNode> byName = new HashMap<>();
        entries.forEach(entry -> byName.put(entry.get("name").asText(), entry));
        return byName;
    }

    private static List<String> text(Iterable<JsonNode> values) {
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList();
    }
}
