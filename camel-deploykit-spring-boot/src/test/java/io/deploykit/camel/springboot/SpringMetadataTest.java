package io.deploykit.camel.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The committed IDE metadata is what {@link SpringMetadataGenerator} makes from the components' Camel metadata, and
 * describes every component option. After a component option changes, rewrite it with
 * {@code mvn -pl camel-deploykit-spring-boot test -Dtest=SpringMetadataTest -Ddeploykit.regenerateMetadata=true}.
 */
class SpringMetadataTest {

    private static final Path COMMITTED = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCommittedMetadataIsUpToDate() throws IOException {
        String generated = SpringMetadataGenerator.generate();
        if (Boolean.getBoolean("deploykit.regenerateMetadata")) {
            Files.writeString(COMMITTED, generated);
        }
        assertEquals(generated, Files.readString(COMMITTED).replace("\r\n", "\n"), COMMITTED + " is out of date:"
                + " rewrite it with mvn -pl camel-deploykit-spring-boot test -Dtest=SpringMetadataTest"
                + " -Ddeploykit.regenerateMetadata=true");
    }

    /** Checked against the component JSON read on its own, not through the generator's reading of it. */
    @ParameterizedTest
    @CsvSource({"bc, /META-INF/io/deploykit/camel/bc/bc.json",
                "reactor, /META-INF/io/deploykit/camel/reactor/reactor.json"})
    void everyComponentOptionIsDescribed(String scheme, String componentJson) throws IOException {
        JsonNode metadata = JSON.readTree(COMMITTED.toFile());
        Map<String, JsonNode> properties = byUniformName(metadata.get("properties"));
        Map<String, JsonNode> hints = byUniformName(metadata.get("hints"));
        String prefix = "camel.component." + scheme + ".";

        JsonNode options;
        try (InputStream in = getClass().getResourceAsStream(componentJson)) {
            options = JSON.readTree(in).get("componentProperties");
        }
        List<String> described = StreamSupport.stream(metadata.get("properties").spliterator(), false)
                .map(property -> property.get("name").asText()).filter(name -> name.startsWith(prefix)).toList();
        assertEquals(options.size(), described.size(), "the options less configuration, plus enabled: " + described);
        assertNotNull(properties.get(ComponentOptions.uniform(prefix + "enabled")), prefix + "enabled");

        options.properties().stream().filter(option -> !option.getKey().equals("configuration")).forEach(entry -> {
            JsonNode option = entry.getValue();
            JsonNode property = properties.get(ComponentOptions.uniform(prefix + entry.getKey()));
            assertNotNull(property, prefix + entry.getKey());
            String name = property.get("name").asText();
            String description = property.get("description").asText();
            assertTrue(description.startsWith(option.get("description").asText()), name);
            assertEquals(option.get("secret").asBoolean(), description.contains(" A secret: never logged;"), name);
            assertEquals(option.path("defaultValue").asText(null), property.path("defaultValue").asText(null), name);
            if (option.has("enum")) {
                JsonNode hint = hints.get(ComponentOptions.uniform(name));
                assertNotNull(hint, "the values of " + name);
                assertEquals(text(option.get("enum")), text(hint.get("values").findValues("value")), name);
            }
        });
    }

    private static Map<String, JsonNode> byUniformName(JsonNode entries) {
        Map<String, JsonNode> byName = new HashMap<>();
        entries.forEach(entry -> byName.put(ComponentOptions.uniform(entry.get("name").asText()), entry));
        return byName;
    }

    private static List<String> text(Iterable<JsonNode> values) {
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList();
    }
}
