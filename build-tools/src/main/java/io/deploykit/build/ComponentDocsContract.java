package io.deploykit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The tests of a component module's page: src/main/docs/&lt;scheme&gt;-component.adoc is current with the component's
 * options. The build writes its tables from &lt;scheme&gt;.json, and a page committed out of date (the build had to
 * write it anew) fails here, so CI catches it. A component module's test extends it with its scheme and title.
 */
public abstract class ComponentDocsContract {

    private final Path metadata;
    private final Path page;
    private final String title;

    protected ComponentDocsContract(String scheme, String title) {
        this.metadata = Path.of("src/generated/resources/META-INF/io/deploykit/camel/" + scheme + "/" + scheme + ".json");
        this.page = Path.of("src/main/docs/" + scheme + "-component.adoc");
        this.title = title;
    }

    @Test
    public void theCommittedPageIsCurrentWithTheComponentMetadata() throws Exception {
        assertEquals(List.of(), ComponentDocs.problems(metadata, page, Path.of("target/component-docs")));
    }

    /** Read from the JSON on its own, not through the generator. */
    @Test
    public void everyOptionAndHeaderHasItsRow() throws Exception {
        JsonNode json = new ObjectMapper().readTree(metadata.toFile());
        String text = Files.readString(page);

        assertTrue(text.startsWith("= " + title + " Component\n"), "the title");
        assertTrue(text.contains("*Since DeployKit {since}*") && text.contains("*{component-header}*"));
        for (String section : List.of("componentProperties", "properties", "headers")) {
            json.get(section).fieldNames().forEachRemaining(name -> assertTrue(
                    text.contains("\n| *" + name + "* (" + json.get(section).get(name).get("group").asText() + ")"),
                    "the row of " + section + " " + name));
        }
    }
}
