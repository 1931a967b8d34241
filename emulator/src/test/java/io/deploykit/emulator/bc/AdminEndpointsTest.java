package io.deploykit.emulator.bc;

import static io.deploykit.emulator.bc.BcClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.Await;
import io.deploykit.emulator.RunningEmulator;

/** The /_emulator endpoints drive a standalone emulator as the Java API drives an embedded one. */
class AdminEndpointsTest {

    @TempDir
    static Path files;

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().jobStepDuration(Duration.ofMillis(50)).start());

    private static BcEmulator emulator;
    private static BcClient client;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
    }

    @Test
    void describesTheEmulator() {
        JsonNode json = admin("GET", "", null).json();

        assertEquals(emulator.tokenUrl(), json.get("tokenUrl").asText());
        assertEquals(emulator.apiBaseUrl(), json.get("apiBaseUrl").asText());
        assertEquals(2, json.get("companies").size());
    }

    @Test
    void reportsItsOwnCpuTimeSoABenchmarkCanTellWhoWasBusy() {
        JsonNode before = admin("GET", "/process", null).json();
        for (int i = 0; i < 200; i++) {
            assertEquals(200, client.get("/api/v2.0/companies").status());
        }
        JsonNode after = admin("GET", "/process", null).json();

        assertEquals(Runtime.getRuntime().availableProcessors(), after.get("availableProcessors").asInt());
        assertTrue(after.get("cpuMillis").asLong() > before.get("cpuMillis").asLong(),
                "200 requests cost CPU time: " + before + " then " + after);
    }

    @Test
    void injectsListsAndClearsFaults() {
        Response added = admin("POST", "/faults", "{\"kind\":\"serviceUnavailable\",\"requests\":1,"
                                                  + "\"retryAfterSeconds\":2}");
        assertEquals(201, added.status(), added::toString);
        assertEquals("SERVICE_UNAVAILABLE", admin("GET", "/faults", null).json().get("pending").get(0).get("kind")
                .asText());

        Response hit = client.get("/api/v2.0/companies");
        assertEquals(503, hit.status());
        assertEquals("2", hit.header("Retry-After"));

        admin("POST", "/faults", "{\"kind\":\"rateLimit\",\"method\":\"GET\",\"path\":\".*/companies\"}");
        assertEquals(204, admin("DELETE", "/faults", null).status());
        assertEquals(200, client.get("/api/v2.0/companies").status());
        assertEquals(400, admin("POST", "/faults", "{\"kind\":\"earthquake\"}").status());
    }

    @Test
    void expiresTokens() {
        BcClient other = new BcClient(emulator);
        assertEquals(200, other.get("/api/v2.0/companies").status());

        assertEquals(204, admin("POST", "/tokens/expire", null).status());

        assertEquals(401, other.get("/api/v2.0/companies").status());
        client.forgetToken();
    }

    @Test
    void steersPackageJobs() {
        String company = emulator.company("My Company").id();
        JsonNode created = client.createPackage(company, "ADMIN");
        client.upload(company, created, TestFiles.rapidStart(files, "ADMIN", 1, 2));
        String id = created.get("id").asText();
        assertEquals(204, admin("PUT", "/bc/packages/ADMIN/apply-outcome", "{\"recordErrors\":2}").status());
        client.action(company, id, "import");
        client.awaitPackage(company, id, status("importStatus", "Completed"));

        assertEquals(204, admin("PUT", "/bc/jobs", "{\"stuck\":true}").status());
        client.action(company, id, "apply");
        JsonNode stuck = Await.until(() -> client.getPackage(company, id),
                pkg -> !pkg.get("applyStatus").asText().equals("Scheduled"), Duration.ofMillis(300));
        assertEquals("Scheduled", stuck.get("applyStatus").asText(), "six job steps later");
        assertEquals(204, admin("PUT", "/bc/jobs", "{\"stuck\":false}").status());

        assertEquals(2, client.awaitPackage(company, id, status("applyStatus", "Completed"))
                .get("numberOfErrors").asInt());
        assertEquals(204, admin("DELETE", "/bc/packages/ADMIN/apply-outcome", null).status());
    }

    @Test
    void showsAndClearsTheRequestLogWithoutLoggingItself() {
        client.get("/api/v2.0/companies");

        JsonNode log = admin("GET", "/requests", null).json();
        assertTrue(log.get("value").size() > 0);
        assertTrue(log.get("counts").get("companies.list").asLong() > 0);

        assertEquals(204, admin("DELETE", "/requests", null).status());
        assertEquals(0, admin("GET", "/requests", null).json().get("value").size());
    }

    private static Response admin(String method, String path, String json) {
        return BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator" + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)).build());
    }
}
