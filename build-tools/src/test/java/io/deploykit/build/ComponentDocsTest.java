package io.deploykit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The generated parts of a component page, from a small component's metadata. */
class ComponentDocsTest {

    private static final String METADATA = """
            {
              "component": { "kind": "component", "name": "demo", "scheme": "demo", "title": "Demo",
                "description": "Deploys demos.", "firstVersion": "0.1.0", "supportLevel": "Preview",
                "groupId": "io.example", "artifactId": "camel-demo", "version": "1.2.3", "syntax": "demo:resource",
                "producerOnly": true, "consumerOnly": false },
              "componentProperties": {
                "tokenUrl": { "kind": "property", "group": "security", "type": "string", "javaType": "java.lang.String",
                  "defaultValue": "https://login.example.com/{tenantId}/token",
                  "description": "Where tokens come from | the IdP" },
                "clientSecret": { "kind": "property", "group": "security", "type": "string",
                  "javaType": "java.lang.String", "secret": true, "description": "The secret" }
              },
              "headers": {
                "CamelDemoId": { "kind": "header", "group": "producer", "javaType": "String",
                  "description": "The id.", "constantName": "io.example.demo.DemoConstants#ID" }
              },
              "properties": {
                "resource": { "kind": "path", "group": "producer", "type": "enum", "required": true,
                  "javaType": "io.example.demo.DemoResource", "enum": [ "thing", "other" ], "description": "What" },
                "pollInterval": { "kind": "parameter", "group": "producer", "type": "duration", "javaType": "long",
                  "defaultValue": "5s", "description": "How often." }
              }
            }
            """;

    private static final String PAGE = """
            = Old title

            Written by hand, kept.

            // component options: START
            stale tables
            // component options: END

            == Usage

            Also kept.
            """;

    @TempDir
    Path folder;

    @Test
    void theHeaderAndTheTablesAreWrittenAndTheRestIsKept() throws Exception {
        String filled = ComponentDocs.fill(PAGE, metadata());

        assertTrue(filled.startsWith("= Demo Component\n:doctitle: Demo\n:shortname: demo\n:groupid: io.example\n"
                                     + ":artifactid: camel-demo\n:version: 1.2.3\n"), filled);
        assertTrue(filled.contains(":since: 0.1\n"), filled);
        assertTrue(filled.contains(":component-header: Only producer is supported\n\nWritten by hand, kept.\n"), filled);
        assertTrue(filled.endsWith("// component options: END\n\n== Usage\n\nAlso kept.\n"), filled);
        assertFalse(filled.contains("stale tables"), filled);
        assertTrue(filled.contains("The Demo component supports 2 options"), filled);
        // a pipe would end the cell, an attribute reference would vanish
        assertTrue(filled.contains("| *tokenUrl* (security) | Where tokens come from \\| the IdP. |"
                                   + " `https://login.example.com/\\{tenantId}/token` | String\n"), filled);
        assertTrue(filled.contains("| *clientSecret* (security) | The secret. _Secret_. |  | String\n"), filled);
        assertTrue(filled.contains("==== Path Parameters (1)"), filled);
        assertTrue(filled.contains("| *resource* (producer) | *Required* What. Values: `thing`, `other`. |  | DemoResource\n"),
                filled);
        assertTrue(filled.contains("| *pollInterval* (producer) | How often. | `5s` | long (duration)\n"), filled);
        assertTrue(filled.contains("| *CamelDemoId* (producer) +\nConstant: `DemoConstants.ID` | The id. |  | String\n"),
                filled);
        assertEquals(filled, ComponentDocs.fill(filled, metadata()), "filling a current page changes nothing");
    }

    @Test
    void theBuildRewritesAStalePageAndLeavesAReportThatTheTestsFailOn() throws Exception {
        Path resources = Files.createDirectories(folder.resolve("generated/META-INF/io/example/demo"));
        Files.writeString(resources.resolve("demo.json"), METADATA);
        Files.writeString(resources.resolve("other.json"), "{ \"kind\": \"not a component\" }");
        Path docs = Files.createDirectories(folder.resolve("docs"));
        Path page = Files.writeString(docs.resolve("demo-component.adoc"), PAGE);
        Path reports = folder.resolve("reports");
        String[] args = { folder.resolve("generated").toString(), docs.toString(), reports.toString() };

        ComponentDocs.main(args);

        List<String> problems = ComponentDocs.problems(resources.resolve("demo.json"), page, reports);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("was out of date"), problems.toString());
        assertEquals(ComponentDocs.fill(PAGE, metadata()), Files.readString(page));

        ComponentDocs.main(args); // the next build finds it current
        assertEquals(List.of(), ComponentDocs.problems(resources.resolve("demo.json"), page, reports));

        Files.writeString(page, PAGE);
        assertTrue(ComponentDocs.problems(resources.resolve("demo.json"), page, reports).get(0)
                .contains("differs from what"));
    }

    @Test
    void aPageWithoutTheMarkersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ComponentDocs.fill("= Demo\n\nNo markers.\n", metadata()));
    }

    private static JsonNode metadata() throws Exception {
        return new ObjectMapper().readTree(METADATA);
    }
}
