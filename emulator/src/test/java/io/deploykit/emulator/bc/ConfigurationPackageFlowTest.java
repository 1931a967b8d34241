package io.deploykit.emulator.bc;

import static io.deploykit.emulator.bc.BcClient.pkg;
import static io.deploykit.emulator.bc.BcClient.status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.TestHttp;

/** The happy path of a configuration package, and the properties and ETags it shows on the way. */
class ConfigurationPackageFlowTest {

    @TempDir
    static Path files;

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().jobStepDuration(Duration.ofMillis(100)).start());

    private static BcEmulator emulator;
    private static BcClient client;
    private static String company;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
        company = emulator.company("CRONUS USA, Inc.").id();
    }

    @Test
    void createsUploadsImportsAppliesAndDeletesAPackage() throws IOException {
        JsonNode created = client.createPackage(company, "flow-1");
        String id = created.get("id").asText();
        assertEquals("FLOW-1", created.get("code").asText(), "a Code field is upper case");
        assertEquals("Test flow-1", created.get("packageName").asText());
        assertEquals("No", created.get("importStatus").asText());
        assertEquals("No", created.get("applyStatus").asText());
        assertEquals(0, created.get("numberOfTables").asInt());
        assertTrue(created.get("@odata.etag").asText().startsWith("W/\"JzQ"), created::toString);

        byte[] file = TestFiles.rapidStart(files, "FLOW-1", 3, 7);
        client.upload(company, created, file);
        Response content = client.get(pkg(company, id) + "/file('FLOW-1')/content");
        assertArrayEquals(file, content.body(), "the stored file is the uploaded one");
        assertEquals(file.length, emulator.packageByCode(company, "FLOW-1").orElseThrow().fileSize());

        assertEquals(204, client.action(company, id, "import").status());
        assertEquals("Scheduled", client.getPackage(company, id).get("importStatus").asText());
        JsonNode imported = client.awaitPackage(company, id, status("importStatus", "Completed"));
        assertEquals(3, imported.get("numberOfTables").asInt());
        assertEquals(21, imported.get("numberOfRecords").asInt());
        assertEquals("", imported.get("importError").asText());
        assertEquals("Package FLOW-1", imported.get("packageName").asText(), "the file's header is imported");
        assertNotEquals(created.get("@odata.etag"), imported.get("@odata.etag"));

        assertEquals(204, client.post(pkg(company, id) + "/Microsoft.NAV.apply", "{}").status());
        JsonNode applied = client.awaitPackage(company, id, status("applyStatus", "Completed"));
        assertEquals(0, applied.get("numberOfErrors").asInt());
        assertEquals("", applied.get("applyError").asText());

        Response deleted = client.delete(pkg(company, id), applied.get("@odata.etag").asText());
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(404, client.get(pkg(company, id)).status());
        assertTrue(emulator.packageByCode(company, "FLOW-1").isEmpty());
        try (Stream<Path> stored = Files.list(emulator.storageDirectory().resolve("packages"))) {
            assertTrue(stored.noneMatch(path -> path.getFileName().toString().startsWith(id)), "the file is gone");
        }
    }

    @Test
    void showsEveryDocumentedProperty() {
        JsonNode created = client.createPackage(company, "props");

        for (String property : new String[] {"id", "code", "packageName", "languageId", "productVersion",
                "processingOrder", "excludeConfigurationTables", "numberOfTables", "numberOfRecords",
                "numberOfErrors", "importStatus", "importError", "applyStatus", "applyError"}) {
            assertTrue(created.has(property), () -> property + " is missing from " + created);
        }
    }

    @Test
    void listsPackagesAndFiltersThemByCode() {
        client.createPackage(company, "LIST-A");
        client.createPackage(company, "LIST-B");

        JsonNode all = client.get(BcClient.packages(company)).json().get("value");
        JsonNode one = client.get(BcClient.packages(company) + "?$filter=" + TestHttp.encode("code eq 'list-b'"))
                .json().get("value");

        assertTrue(all.size() >= 2, all::toString);
        assertEquals(1, one.size(), one::toString);
        assertEquals("LIST-B", one.get(0).get("code").asText());
    }

    @Test
    void updatesEditablePropertiesWithIfMatch() {
        JsonNode created = client.createPackage(company, "EDIT");
        String path = pkg(company, created.get("id").asText());

        Response updated = client.patch(path, BodyPublishers.ofString(
                "{\"packageName\":\"Renamed\",\"languageId\":1033}"), "application/json",
                created.get("@odata.etag").asText());

        assertEquals(200, updated.status(), updated::toString);
        assertEquals("Renamed", updated.json().get("packageName").asText());
        assertEquals(1033, updated.json().get("languageId").asInt());
        assertNotEquals(created.get("@odata.etag"), updated.json().get("@odata.etag"));
    }

    @Test
    void givesTheFileAnETagThatChangesWithEachUpload() {
        JsonNode created = client.createPackage(company, "FILE-TAG");
        String file = pkg(company, created.get("id").asText()) + "/file('FILE-TAG')";
        String before = client.get(file).json().get("@odata.etag").asText();

        Response upload = client.patch(file + "/content", TestFiles.rapidStart(files, "FILE-TAG", 1, 1), before);
        String after = client.get(file).json().get("@odata.etag").asText();

        assertEquals(204, upload.status(), upload::toString);
        assertNotEquals(before, after);
        assertEquals(1, client.get(pkg(company, created.get("id").asText()) + "/file").json().get("value").size());
        assertFalse(emulator.packageByCode(company, "FILE-TAG").orElseThrow().numberOfTables() > 0,
                "uploading does not import");
    }

    @Test
    void readsUtf8PackagesToo() {
        JsonNode created = client.createPackage(company, "UTF8");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DataList Code=\"UTF8\" PackageName=\"Ünïcødé\">"
                     + "<CurrencyList><TableID>4</TableID><Currency><Code>EUR</Code></Currency>"
                     + "<Currency><Code>USD</Code></Currency></CurrencyList></DataList>";
        client.upload(company, created, TestFiles.gzip(xml, StandardCharsets.UTF_8));

        client.action(company, created.get("id").asText(), "import");
        JsonNode imported = client.awaitPackage(company, created.get("id").asText(),
                status("importStatus", "Completed"));

        assertEquals(1, imported.get("numberOfTables").asInt());
        assertEquals(2, imported.get("numberOfRecords").asInt());
        assertEquals("Ünïcødé", imported.get("packageName").asText());
    }
}
