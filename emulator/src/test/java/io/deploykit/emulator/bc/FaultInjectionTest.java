package io.deploykit.emulator.bc;

import static io.deploykit.emulator.bc.BcClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.Await;
import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.http.FaultKind;
import io.deploykit.emulator.http.PendingFault;
import io.deploykit.emulator.http.RecordedRequest;

class FaultInjectionTest {

    private static final String COMPANIES = "/api/v2.0/companies";

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
    void rateLimitsTheNextRequestsWithRetryAfter() {
        long injected = emulator.faults().injectedCount();
        emulator.faults().rateLimit(2, 1);

        Response first = client.get(COMPANIES);
        Response second = client.get(COMPANIES);
        Response third = client.get(COMPANIES);

        for (Response limited : List.of(first, second)) {
            assertEquals(429, limited.status());
            assertEquals("1", limited.header("Retry-After"));
            assertEquals("Application_TooManyRequests", limited.errorCode());
            assertTrue(limited.errorMessage().contains("CorrelationId: " + limited.header("request-id")),
                    limited::toString);
        }
        assertEquals(200, third.status());
        assertEquals(injected + 2, emulator.faults().injectedCount());
        assertTrue(emulator.faults().pending().isEmpty());
    }

    @Test
    void rateLimitsWithoutRetryAfterWhenToldSo() {
        emulator.faults().rateLimit(1, null);

        Response limited = client.get(COMPANIES);

        assertEquals(429, limited.status());
        assertNull(limited.header("Retry-After"));
    }

    @Test
    void answersServiceUnavailableWithRetryAfter() {
        emulator.faults().serviceUnavailable(1, 3);

        Response unavailable = client.get(COMPANIES);

        assertEquals(503, unavailable.status());
        assertEquals("3", unavailable.header("Retry-After"));
        assertEquals(200, client.get(COMPANIES).status());
    }

    @Test
    void answersSlowly() {
        emulator.faults().slow(1, Duration.ofMillis(400));

        long start = System.nanoTime();
        Response slow = client.get(COMPANIES);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(200, slow.status());
        assertTrue(took.compareTo(Duration.ofMillis(400)) >= 0, took::toString);
    }

    @Test
    void dropsTheConnectionWithoutAnswer() {
        emulator.faults().dropConnection(1);

        assertThrows(UncheckedIOException.class,
                () -> client.post(BcClient.packages(company), "{\"code\":\"DROPPED\"}"));

        RecordedRequest dropped = emulator.requests().get(emulator.requests().size() - 1);
        assertEquals("packages.create", dropped.route());
        assertEquals(0, dropped.status());
        assertTrue(emulator.packageByCode(company, "DROPPED").isEmpty(), "a dropped request is not handled");
        assertEquals(201, client.post(BcClient.packages(company), "{\"code\":\"DROPPED\"}").status());
    }

    @Test
    void scopesFaultsToAMethodAndPath() {
        JsonNode created = client.createPackage(company, "SCOPED");
        client.upload(company, created, TestFiles.rapidStart(files, "SCOPED", 1, 1));
        emulator.faults().matching("POST", ".*Microsoft.NAV.import").serviceUnavailable(1, 1);
        List<PendingFault> pending = emulator.faults().pending();
        assertEquals(1, pending.size());
        assertEquals(FaultKind.SERVICE_UNAVAILABLE, pending.get(0).kind());
        String id = created.get("id").asText();

        assertEquals(200, client.get(BcClient.pkg(company, id)).status(), "a GET is not hit");
        assertEquals(503, client.action(company, id, "import").status());
        assertEquals(204, client.action(company, id, "import").status());
        assertTrue(emulator.faults().pending().isEmpty());
    }

    @Test
    void leavesTheTokenEndpointAloneUnlessScopedToIt() {
        emulator.faults().rateLimit(1, null);
        Response token = BcClient.requestToken(emulator, BcEmulator.DEFAULT_CLIENT_ID,
                BcEmulator.DEFAULT_CLIENT_SECRET, "client_credentials");
        assertEquals(200, token.status());
        assertEquals(429, client.get(COMPANIES).status());

        emulator.faults().matching("POST", ".*/oauth2/v2\\.0/token").serviceUnavailable(1, 2);
        Response unavailable = BcClient.requestToken(emulator, BcEmulator.DEFAULT_CLIENT_ID,
                BcEmulator.DEFAULT_CLIENT_SECRET, "client_credentials");

        assertEquals(503, unavailable.status());
        assertEquals("temporarily_unavailable", unavailable.json().get("error").asText());
        assertEquals("2", unavailable.header("Retry-After"));
    }

    @Test
    void expiresAllTokensNow() {
        BcClient other = new BcClient(emulator);
        assertEquals(200, other.get(COMPANIES).status());

        emulator.faults().expireAllTokens();

        Response expired = other.get(COMPANIES);
        assertEquals(401, expired.status());
        assertEquals("Authentication_InvalidCredentials", expired.errorCode());
        other.forgetToken();
        assertEquals(200, other.get(COMPANIES).status());
        client.forgetToken();
    }

    @Test
    void keepsJobsScheduledWhileStuck() {
        JsonNode created = client.createPackage(company, "STUCK");
        String id = created.get("id").asText();
        client.upload(company, created, TestFiles.rapidStart(files, "STUCK", 1, 1));
        emulator.faults().stickJobs(true);

        client.action(company, id, "import");
        // ten job steps: a job that was not stuck would be Completed long before
        JsonNode during = Await.until(() -> client.getPackage(company, id),
                pkg -> !pkg.get("importStatus").asText().equals("Scheduled"), Duration.ofMillis(500));
        assertEquals("Scheduled", during.get("importStatus").asText());

        emulator.faults().stickJobs(false);
        client.awaitPackage(company, id, status("importStatus", "Completed"));
    }
}
