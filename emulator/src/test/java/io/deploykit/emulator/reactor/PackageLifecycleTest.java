package io.deploykit.emulator.reactor;

import static io.deploykit.emulator.reactor.ReactorClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.RunningEmulator;

/** Create, update, release, discontinue and delete, with the documents the API answers. */
class PackageLifecycleTest {

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().processingTime(Duration.ofMillis(100)).start());

    private static ReactorEmulator emulator;
    private static ReactorClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new ReactorClient(emulator);
    }

    @Test
    void aNewPackageIsPendingThenSucceedsWithTheAttributesOfItsManifest() throws IOException {
        String name = newName();
        ApiResponse created = client.create(ExtensionZips.write(dir.resolve("a.zip"), name, "1.0.0", "web"));

        assertEquals(201, created.status(), created::toString);
        assertEquals("application/vnd.api+json", created.header("Content-Type"));
        JsonNode data = created.data();
        String id = data.get("id").asText();
        assertTrue(id.matches("EP[0-9a-f]{32}"), id);
        assertEquals("extension_packages", data.get("type").asText());
        assertEquals(emulator.baseUrl() + "/extension_packages/" + id, data.path("links").path("self").asText());
        assertEquals(data.path("links").path("self").asText(), created.header("Location"));
        assertTrue(data.get("relationships").isObject());
        assertTrue(data.path("meta").path("status_details").path("errors").isArray());
        JsonNode pending = created.attributes();
        assertEquals("pending", pending.get("status").asText());
        assertEquals("development", pending.get("availability").asText());
        assertFalse(pending.get("discontinued").asBoolean());
        assertEquals(emulator.orgId(), pending.get("owner_org_id").asText());
        assertTrue(pending.get("created_at").asText().matches(TIMESTAMP), pending::toString);
        // the attributes Adobe's answers carry beside the manifest's
        assertEquals("https://assets.adobedtm.com/extensions/" + id, pending.get("cdn_path").asText());
        assertTrue(pending.has("ecma_version") && pending.get("ecma_version").isNull(), pending::toString);
        assertEquals(ReactorEmulator.DEFAULT_CLIENT_ID + "@techacct.adobe.com", pending.get("created_by_email").asText());
        assertEquals(ReactorEmulator.DEFAULT_CLIENT_ID, pending.get("created_by_display_name").asText());
        assertEquals(pending.get("created_by_email"), pending.get("updated_by_email"));
        assertEquals(pending.get("created_by_display_name"), pending.get("updated_by_display_name"));

        JsonNode attributes = client.awaitProcessed(id).get("attributes");

        assertEquals("succeeded", attributes.get("status").asText());
        assertEquals(name, attributes.get("name").asText());
        assertEquals("1.0.0", attributes.get("version").asText());
        assertEquals("web", attributes.get("platform").asText());
        assertEquals("DeployKit demo " + name, attributes.get("display_name").asText());
        assertTrue(attributes.get("description").asText().startsWith("A demo extension"));
        assertEquals("DeployKit", attributes.path("author").path("name").asText());
        assertEquals("src/lib/main.js", attributes.get("main").asText());
        assertEquals("resources/icons/icon.svg", attributes.get("icon_path").asText());
        assertEquals("src/view/", attributes.get("view_base_path").asText());
        assertEquals("configuration/configuration.html",
                attributes.path("configuration").path("view_path").asText());
        JsonNode action = attributes.path("actions").path(0);
        assertEquals(ExtensionZips.ACTION_LIB_PATH, action.path("lib_path").asText());
        assertEquals("Log message", action.path("display_name").asText());
        assertEquals("string", action.path("schema").path("properties").path("message").path("type").asText());
        assertTrue(attributes.get("events").isNull() && attributes.get("exchange_url").isNull(), attributes::toString);
        assertTrue(attributes.get("updated_at").asText().matches(TIMESTAMP));
        assertEquals("succeeded", emulator.extensionPackage(id).status());
    }

    @Test
    void aNewZipTakesThePackageBackToPendingByPatchOrPost() throws IOException {
        String name = newName();
        String id = client.created(ExtensionZips.write(dir.resolve("a.zip"), name, "1.0.0", "web"));
        client.awaitProcessed(id);

        ApiResponse patched = client.update(id, ExtensionZips.write(dir.resolve("b.zip"), name, "1.0.1", "web"));

        assertEquals(200, patched.status(), patched::toString);
        assertEquals(id, patched.data().get("id").asText());
        assertEquals("pending", patched.attributes().get("status").asText());
        assertEquals("1.0.1", client.awaitProcessed(id).path("attributes").path("version").asText());

        ApiResponse posted = client.sendZip("POST", "/extension_packages/" + id,
                ExtensionZips.write(dir.resolve("c.zip"), name, "2.0.0", "web"));

        assertEquals(200, posted.status(), posted::toString);
        JsonNode processed = client.awaitProcessed(id);
        assertEquals("succeeded", status(processed));
        assertEquals("2.0.0", processed.path("attributes").path("version").asText());
        assertEquals(1, emulator.packages().stream().filter(p -> name.equals(p.name())).count());
    }

    @Test
    void aFailedPackageCanBeFixedWithANewZip() throws IOException {
        String name = newName();
        String id = client.created(ExtensionZips.writeWithMissingFile(dir.resolve("a.zip"), name, "1.0.0", "web"));
        assertEquals("failed", status(client.awaitProcessed(id)));

        client.update(id, ExtensionZips.write(dir.resolve("b.zip"), name, "1.0.0", "web"));

        JsonNode fixed = client.awaitProcessed(id);
        assertEquals("succeeded", status(fixed));
        assertEquals(0, fixed.path("meta").path("status_details").path("errors").size());
    }

    @Test
    void releaseToPrivateIsOneWayAndMakesThePackageReadOnly() throws IOException {
        String name = newName();
        String id = client.created(ExtensionZips.write(dir.resolve("a.zip"), name, "1.0.0", "web"));
        client.awaitProcessed(id);

        ApiResponse released = client.action(id, "release_private");

        assertEquals(200, released.status(), released::toString);
        assertEquals("private", released.attributes().get("availability").asText());
        assertEquals("private", emulator.extensionPackage(id).availability());
        ApiResponse again = client.action(id, "release_private");
        assertEquals(403, again.status());
        assertEquals("read-only", again.errorCode());
        assertTrue(again.error().get("detail").asText().contains("already private"), again::toString);
        ApiResponse update = client.update(id, ExtensionZips.write(dir.resolve("b.zip"), name, "1.0.1", "web"));
        assertEquals(403, update.status());
        assertEquals("read-only", update.errorCode());
        ApiResponse delete = client.delete(id);
        assertEquals(403, delete.status());
        assertEquals("read-only", delete.errorCode());
        assertEquals("private", emulator.extensionPackage(id).availability());
    }

    @Test
    void discontinueByActionOrByAttribute() throws IOException {
        String byAction = client.created(ExtensionZips.write(dir.resolve("a.zip"), newName(), "1.0.0", "web"));
        String byAttribute = client.created(ExtensionZips.write(dir.resolve("b.zip"), newName(), "1.0.0", "web"));

        ApiResponse first = client.action(byAction, "discontinue");
        ApiResponse second = client.patchDocument(byAttribute, "{\"data\":{\"id\":\"" + byAttribute + "\",\"type\":"
                                                               + "\"extension_packages\",\"attributes\":{"
                                                               + "\"discontinued\":true}}}");

        for (ApiResponse response : new ApiResponse[] {first, second}) {
            assertEquals(200, response.status(), response::toString);
            assertTrue(response.attributes().get("discontinued").asBoolean());
        }
        assertTrue(emulator.extensionPackage(byAttribute).discontinued());
    }

    @Test
    void actionDocumentsAreChecked() throws IOException {
        String id = client.created(ExtensionZips.write(dir.resolve("a.zip"), newName(), "1.0.0", "web"));

        ApiResponse wrongType = client.patchDocument(id, "{\"data\":{\"id\":\"" + id + "\",\"type\":\"extensions\","
                                                         + "\"meta\":{\"action\":\"discontinue\"}}}");
        ApiResponse wrongId = client.action("EP" + "0".repeat(32), "discontinue");
        ApiResponse otherId = client.patchDocument(id, "{\"data\":{\"id\":\"EP1\",\"type\":\"extension_packages\","
                                                       + "\"meta\":{\"action\":\"discontinue\"}}}");
        ApiResponse unknownAction = client.action(id, "release_public");
        ApiResponse notJson = client.patchDocument(id, "{\"data\":");
        ApiResponse plainText = ReactorClient.send(client.request("/extension_packages/" + id)
                .header("Content-Type", "text/plain")
                .method("PATCH", BodyPublishers.ofString("discontinue")).build());

        assertEquals(409, wrongType.status());
        assertEquals("/data/type", wrongType.error().path("source").path("pointer").asText());
        assertEquals(404, wrongId.status());
        assertEquals(409, otherId.status());
        assertEquals("/data/id", otherId.error().path("source").path("pointer").asText());
        assertEquals(400, unknownAction.status());
        assertEquals("/data/meta/action", unknownAction.error().path("source").path("pointer").asText());
        assertEquals(400, notJson.status());
        assertEquals(415, plainText.status());
        assertFalse(emulator.extensionPackage(id).discontinued());
    }

    @Test
    void deletingADevelopmentPackageRemovesItAndItsZip() throws IOException {
        String id = client.created(ExtensionZips.write(dir.resolve("a.zip"), newName(), "1.0.0", "web"));
        client.awaitProcessed(id);
        long zips = zipsStored();

        ApiResponse deleted = client.delete(id);

        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(404, client.get("/extension_packages/" + id).status());
        assertTrue(emulator.packages().stream().noneMatch(p -> p.id().equals(id)));
        assertEquals(zips - 1, zipsStored());
        assertEquals(404, client.delete(id).status());
    }

    private static long zipsStored() throws IOException {
        try (Stream<Path> files = Files.list(emulator.storageDirectory())) {
            return files.filter(file -> file.toString().endsWith(".zip")).count();
        }
    }

    private static String newName() {
        return "lifecycle-" + NAMES.incrementAndGet();
    }
}
