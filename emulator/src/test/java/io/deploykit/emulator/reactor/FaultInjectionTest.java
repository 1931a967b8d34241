package io.deploykit.emulator.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.http.RecordedRequest;

/** The faults every emulator injects, through the shared fault API, answered in the Reactor API's formats. */
class FaultInjectionTest {

    private static final String LIST = "/extension_packages";

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().processingTime(Duration.ofMillis(50)).start(), ReactorEmulator::faults);

    private static ReactorEmulator emulator;
    private static ReactorClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new ReactorClient(emulator);
        client.token(); // fetched before any fault is set
    }

    @Test
    void rateLimitsWithOrWithoutRetryAfter() {
        emulator.clearRequests();
        emulator.faults().rateLimit(2, 1).rateLimit(1, null);

        List<ApiResponse> limited = List.of(client.get(LIST), client.get(LIST), client.get(LIST));
        ApiResponse through = client.get(LIST);

        for (ApiResponse response : limited) {
            assertEquals(429, response.status());
            assertEquals("application/vnd.api+json", response.header("Content-Type"));
            assertEquals("429", response.error().get("status").asText());
            assertEquals("too-many-requests", response.errorCode());
        }
        assertEquals("1", limited.get(0).header("Retry-After"));
        assertEquals("1", limited.get(1).header("Retry-After"));
        assertNull(limited.get(2).header("Retry-After"));
        assertEquals(200, through.status());
        assertEquals(List.of(429, 429, 429, 200), emulator.requests().stream().map(RecordedRequest::status).toList());
        assertEquals(ReactorClient.API_KEY, emulator.requests().get(0).header("x-api-key"),
                "a request hit by a fault is recorded with its headers");
    }

    @Test
    void serviceUnavailableWithRetryAfter() {
        emulator.faults().serviceUnavailable(1, 3);

        ApiResponse unavailable = client.get(LIST);

        assertEquals(503, unavailable.status());
        assertEquals("3", unavailable.header("Retry-After"));
        assertEquals("service-unavailable", unavailable.errorCode());
        assertEquals(200, client.get(LIST).status());
    }

    @Test
    void slowAnswersComeAfterTheDelay() {
        emulator.faults().slow(1, Duration.ofMillis(300));

        long start = System.nanoTime();
        ApiResponse slow = client.get(LIST);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(200, slow.status());
        assertTrue(took.toMillis() >= 300, took::toString);
    }

    /** A POST, as an HTTP client retries a GET on a dropped connection by itself. */
    @Test
    void aDroppedConnectionGetsNoAnswer() throws IOException {
        emulator.clearRequests();
        emulator.faults().dropConnection(1);
        Path zip = ExtensionZips.write(dir.resolve("a.zip"), "dropped", "1.0.0", "web");

        UncheckedIOException dropped = assertThrows(UncheckedIOException.class, () -> client.create(zip));

        assertTrue(dropped.getCause() instanceof IOException);
        assertTrue(emulator.packages().stream().noneMatch(p -> "dropped".equals(p.name())), "not handled");
        assertEquals(201, client.create(zip).status());
        assertEquals(2, emulator.requestCount("packages.create"), "the dropped request is counted");
        assertEquals(List.of(201), emulator.requests().stream().map(RecordedRequest::status).toList(),
                "but not logged, as it got no answer");
    }

    @Test
    void expiredTokensAreRefusedUntilANewOneIsFetched() {
        emulator.faults().expireAllTokens();

        ApiResponse refused = client.get(LIST);

        assertEquals(401, refused.status());
        assertEquals("oauth-token-invalid", refused.errorCode());
        client.forgetToken();
        assertEquals(200, client.get(LIST).status());
    }

    @Test
    void theTokenEndpointIsHitOnlyWhenAFaultSaysSo() {
        emulator.faults().rateLimit(1, null);
        assertEquals(200, ReactorClient.requestToken(emulator, "client_credentials", ReactorEmulator.DEFAULT_CLIENT_ID,
                ReactorEmulator.DEFAULT_CLIENT_SECRET).status(), "API faults leave IMS alone");
        assertEquals(429, client.get(LIST).status());

        emulator.faults().matching("POST", "/ims/token/v3").serviceUnavailable(1, 2);
        ApiResponse token = ReactorClient.requestToken(emulator, "client_credentials",
                ReactorEmulator.DEFAULT_CLIENT_ID, ReactorEmulator.DEFAULT_CLIENT_SECRET);

        assertEquals(503, token.status());
        assertEquals("2", token.header("Retry-After"));
        assertEquals("temporarily_unavailable", token.json().get("error").asText());
    }

    @Test
    void aFaultOnUploadsLeavesNoPackageBehind() throws IOException {
        String name = "fault-upload";
        emulator.faults().matching("POST", "/extension_packages").rateLimit(1, 1);

        ApiResponse limited = client.create(ExtensionZips.write(dir.resolve("a.zip"), name, "1.0.0", "web"));
        assertEquals(429, limited.status());
        assertTrue(emulator.packages().stream().noneMatch(p -> name.equals(p.name())));

        assertEquals(201, client.create(ExtensionZips.write(dir.resolve("b.zip"), name, "1.0.0", "web")).status());
    }
}
