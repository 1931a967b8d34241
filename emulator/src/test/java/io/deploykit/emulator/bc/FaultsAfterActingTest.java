package io.deploykit.emulator.bc;

import static io.deploykit.emulator.bc.BcClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.TestHttp;
import io.deploykit.emulator.http.FaultKind;
import io.deploykit.emulator.http.RecordedRequest;

/**
 * Faults that hit after the service acted: the request is handled (its changes stay), and the client gets a
 * gateway's 504 or 502, or no answer at all. Each test checks the change, which a fault hitting first would prevent.
 */
class FaultsAfterActingTest {

    @TempDir
    static Path files;

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().jobStepDuration(Duration.ofMillis(50)).start(), BcEmulator::faults);

    private static BcEmulator emulator;
    private static BcClient client;
    private static String company;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
        company = emulator.company("CRONUS USA, Inc.").id();
        client.token(); // fetched before any fault is set
    }

    @Test
    void aCreateAnsweredGatewayTimeoutLeavesThePackageCreated() {
        emulator.faults().gatewayTimeoutAfterActing(1);

        Response timedOut = client.post(BcClient.packages(company), "{\"code\":\"TIMEDOUT\"}");

        assertEquals(504, timedOut.status(), timedOut::toString);
        assertTrue(timedOut.errorMessage().startsWith("The gateway timed out waiting for the service."),
                timedOut::toString);
        assertFalse(timedOut.text().toLowerCase(Locale.ROOT).contains("emulator"), timedOut::toString);
        assertNull(timedOut.header("Location"), "nothing of the discarded 201 reaches the client");
        JsonNode listed = client.get(BcClient.packages(company) + "?$filter="
                                     + TestHttp.encode("code eq 'TIMEDOUT'")).json().get("value");
        assertEquals(1, listed.size(), "the package was created: " + listed);
        assertEquals(504, last("packages.create").status(), "the log has what the client saw");
        Response retried = client.post(BcClient.packages(company), "{\"code\":\"TIMEDOUT\"}");
        assertEquals("Internal_EntityWithSameKeyExists", retried.errorCode(), retried::toString);
    }

    @Test
    void anApplyAnsweredBadGatewayIsApplied() {
        String id = imported("BADGATEWAY");
        emulator.faults().matching("POST", ".*Microsoft.NAV.apply").badGatewayAfterActing(1);

        Response bad = client.action(company, id, "apply");

        assertEquals(502, bad.status(), bad::toString);
        assertTrue(bad.errorMessage().startsWith("The gateway received an invalid response"), bad::toString);
        String applyStatus = client.getPackage(company, id).get("applyStatus").asText();
        assertTrue(Set.of("Scheduled", "InProgress", "Completed").contains(applyStatus), applyStatus);
        assertEquals(502, last("packages.apply").status());
        client.awaitPackage(company, id, status("applyStatus", "Completed"));
    }

    @Test
    void anImportWhoseConnectionIsDroppedRuns() {
        JsonNode created = client.createPackage(company, "DROPPED");
        String id = created.get("id").asText();
        client.upload(company, created, TestFiles.rapidStart(files, "DROPPED", 1, 1));
        emulator.faults().matching("POST", ".*Microsoft.NAV.import").dropAfterActing(1);

        UncheckedIOException dropped = assertThrows(UncheckedIOException.class,
                () -> client.action(company, id, "import"));

        assertTrue(dropped.getCause() instanceof IOException, dropped::toString);
        assertNotEquals("No", client.getPackage(company, id).get("importStatus").asText());
        assertEquals(0, last("packages.import").status(), "dropped, as a connection closed before acting");
        client.awaitPackage(company, id, status("importStatus", "Completed"));
    }

    @Test
    void aRefusedRequestGetsTheGatewayAnswerToo() {
        JsonNode created = client.createPackage(company, "NOFILE");
        emulator.faults().gatewayTimeoutAfterActing(1);

        Response timedOut = client.action(company, created.get("id").asText(), "import");

        assertEquals(504, timedOut.status(), "the gateway does not know what the service answered");
        assertEquals("No", client.getPackage(company, created.get("id").asText()).get("importStatus").asText());
    }

    @Test
    void theAdministrationEndpointAddsThemByName() {
        for (String kind : List.of("gatewayTimeoutAfterActing", "bad-gateway-after-acting", "DROP_AFTER_ACTING")) {
            Response added = admin("{\"kind\":\"" + kind + "\",\"method\":\"POST\",\"path\":\".*/nowhere\"}");
            assertEquals(201, added.status(), added::toString);
        }
        assertEquals(List.of(FaultKind.GATEWAY_TIMEOUT_AFTER_ACTING, FaultKind.BAD_GATEWAY_AFTER_ACTING,
                        FaultKind.DROP_AFTER_ACTING),
                emulator.faults().pending().stream().map(fault -> fault.kind()).toList());
        emulator.faults().clear();

        admin("{\"kind\":\"badGatewayAfterActing\",\"method\":\"POST\"}");
        Response bad = client.post(BcClient.packages(company), "{\"code\":\"BYADMIN\"}");
        assertEquals(502, bad.status(), bad::toString);
        assertTrue(emulator.packageByCode(company, "BYADMIN").isPresent());
    }

    private static String imported(String code) {
        JsonNode created = client.createPackage(company, code);
        String id = created.get("id").asText();
        client.upload(company, created, TestFiles.rapidStart(files, code, 1, 1));
        assertEquals(204, client.action(company, id, "import").status());
        client.awaitPackage(company, id, status("importStatus", "Completed"));
        return id;
    }

    private static RecordedRequest last(String route) {
        List<RecordedRequest> requests = emulator.requests().stream()
                .filter(request -> route.equals(request.route())).toList();
        return requests.get(requests.size() - 1);
    }

    private static Response admin(String json) {
        return BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/faults"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)).build());
    }
}
