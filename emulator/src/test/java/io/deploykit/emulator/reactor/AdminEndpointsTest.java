package io.deploykit.emulator.reactor;

import static io.deploykit.emulator.reactor.ReactorClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.RunningEmulator;

/** A standalone emulator is driven over HTTP as an embedded one is from Java. */
class AdminEndpointsTest {

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().processingTime(Duration.ofMillis(50)).start());

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
    void describesTheEmulator() {
        ApiResponse described = admin("GET", "", null);

        assertEquals(200, described.status());
        assertEquals(emulator.tokenUrl(), described.json().get("tokenUrl").asText());
        assertEquals(emulator.orgId(), described.json().get("orgId").asText());
    }

    @Test
    void holdsProcessingAndInjectsAFailure() throws IOException {
        assertEquals(204, admin("PUT", "/reactor/processing", "{\"stuck\":true}").status());
        String held = client.created(ExtensionZips.write(dir.resolve("a.zip"), "admin-held", "1.0.0", "web"));
        assertEquals(204, admin("POST", "/reactor/processing/failure", "{\"detail\":\"broken view\"}").status());
        assertEquals(204, admin("PUT", "/reactor/processing", "{\"stuck\":false}").status());

        var failed = client.awaitProcessed(held);

        assertEquals("failed", status(failed));
        assertEquals("broken view", failed.path("meta").path("status_details").path("errors").path(0).path("detail")
                .asText());
        assertEquals(400, admin("PUT", "/reactor/processing", "{\"stuck\":\"yes\"}").status());
    }

    @Test
    void seedsPackagesAndForeignNames() throws IOException {
        ApiResponse seeded = admin("POST", "/reactor/packages", "{\"name\":\"admin-seeded\",\"version\":\"2.0.0\"}");
        assertEquals(201, seeded.status(), seeded::toString);
        assertEquals("private", emulator.extensionPackage(seeded.json().get("id").asText()).availability());
        assertEquals(400, admin("POST", "/reactor/packages", "{\"name\":\"x\",\"version\":\"2\"}").status());

        assertEquals(204, admin("POST", "/reactor/foreign-names", "{\"name\":\"admin-foreign\"}").status());
        assertEquals("invalid-name", client.create(ExtensionZips.write(dir.resolve("f.zip"), "admin-foreign", "1.0.0",
                "web")).errorCode());
    }

    @Test
    void theCommonFaultEndpointsReachTheReactorApi() {
        assertEquals(201, admin("POST", "/faults", "{\"kind\":\"rateLimit\",\"retryAfterSeconds\":1}").status());

        ApiResponse limited = client.get("/extension_packages");

        assertEquals(429, limited.status());
        assertEquals("too-many-requests", limited.errorCode());
        assertEquals(200, client.get("/extension_packages").status(), "the fault hit one request");
    }

    private static ApiResponse admin(String method, String path, String json) {
        return ReactorClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator" + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)).build());
    }
}
