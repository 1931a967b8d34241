package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.deploykit.build.ComponentDocs;

/**
 * src/main/docs/bc-component.adoc is current with the component's options: the build writes its tables from bc.json,
 * and a page committed out of date (the build had to write it anew) fails here, so CI catches it.
 */
class BcComponentDocsTest {

    private static final Path METADATA = Path.of("src/generated/resources/META-INF/io/deploykit/camel/bc/bc.json");
    private static final Path PAGE = Path.of("src/main/docs/bc-component.adoc");

    @Test
    void theCommittedPageIsCurrentWithTheComponentMetadata() throws Exception {
        assertEquals(List.of(), ComponentDocs.problems(METADATA, PAGE, Path.of("target/component-docs")));
    }

    /** Read from the JSON on its own, not through the generator. */
    @Test
    void everyOptionAndHeaderHasItsRow() throws Exception {
        JsonNode metadata = new ObjectMapper().readTree(METADATA.toFile());
        String page = Files.readString(PAGE);

        assertTrue(page.startsWith("= Business Central Component\n"), "the title");
        assertTrue(page.contains("*Since DeployKit {since}*") && page.contains("*{component-header}*"));
        for (String section : List.of("componentProperties", "properties", "headers")) {
            metadata.get(section).fieldNames().forEachRemaining(name -> assertTrue(
                    page.contains("\n| *" + name + "* (" + metadata.get(section).get(name).get("group").asText() + ")"),
                    "the row of " + section + " " + name));
        }
    }
}
