package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.deploykit.emulator.bc.limits.BcLimits;
import io.deploykit.emulator.bc.limits.ThrottledRequests;
import io.deploykit.emulator.http.JsonCodec;

/**
 * Business Central online's operational limits, per user or service principal, as a client written from the
 * documentation meets them: a few requests processed at once, more queued and answered when a slot frees, 429
 * beyond the queue; 429 with Retry-After beyond the requests of the sliding window; 408 for an operation over the
 * timeout.
 */
class OperationalLimitsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void requestsBeyondTheConcurrentOnesWaitAndBeyondTheQueueAre429() throws Exception {
        try (BcEmulator bc = BcEmulator.builder().user("admin", "key").maxConcurrentRequests(2).maxQueuedRequests(3)
                .start()) {
            BcClient client = new BcClient(bc);
            String company = bc.company("CRONUS USA, Inc.").id();
            JsonNode pkg = client.createPackage(company, "HELD");
            String path = bc.serviceRootUrl().substring(bc.baseUrl().length()) + BcClient.pkg(company,
                    pkg.get("id").asText()) + "/file('HELD')/content";
            List<HeldUpload> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) { // two uploads whose bodies do not end yet: both slots taken
                held.add(new HeldUpload(bc.port(), path, client.token()));
            }
            awaitProcessing(bc, "client:" + BcEmulator.DEFAULT_CLIENT_ID, 2);
            List<CompletableFuture<HttpResponse<String>>> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queued.add(send(client.authorized("/api/v2.0/companies").GET()));
            }
            awaitQueued(bc, "client:" + BcEmulator.DEFAULT_CLIENT_ID, 3);

            HttpResponse<String> beyond = send(client.authorized("/api/v2.0/companies").GET()).get(10, TimeUnit.SECONDS);
            HttpResponse<String> otherUser = send(HttpRequest.newBuilder(URI.create(bc.onPremisesRootUrl()
                    + "/api/v2.0/companies")).header("Authorization", basic("admin", "key")).GET())
                    .get(10, TimeUnit.SECONDS);

            assertEquals(429, beyond.statusCode(), beyond.body());
            JsonNode error = JsonCodec.MAPPER.readTree(beyond.body()).get("error");
            assertEquals("Application_TooManyRequests", error.get("code").asText());
            assertTrue(error.get("message").asText().startsWith("Too many requests reached. Actual (6). Maximum (5)."),
                    beyond::body);
            assertEquals(200, otherUser.statusCode(), "another user has slots of its own");
            queued.forEach(waiting -> assertFalse(waiting.isDone(), "queued until a slot frees"));

            for (HeldUpload upload : held) {
                assertEquals(204, upload.finish());
            }
            for (CompletableFuture<HttpResponse<String>> waiting : queued) {
                assertEquals(200, waiting.get(10, TimeUnit.SECONDS).statusCode());
            }
            assertEquals(new ThrottledRequests(1, 0, 0), bc.throttledRequests());
        }
    }

    /**
     * Business Central's limits as they are (5 processed, 95 queued): answers the service is slow to give hold their
     * processing slots, so a burst of 130 requests behind 5 slow ones finds the queue full and 30 are refused with
     * 429; the same burst answered at normal speed is refused none.
     */
    @Test
    void slowAnswersHoldTheirSlotsSoABurstBehindThemFillsTheQueue() throws Exception {
        assertEquals(30, refusedOfABurstBehind(5, Duration.ofSeconds(2)), "5 processing + 95 queued admitted of 130");
        assertEquals(0, refusedOfABurstBehind(0, null), "answered at normal speed, the queue never fills");
    }

    /** {@code slow} requests answered after {@code delay}, then {@code 130 - slow} more at once: how many got 429. */
    private static int refusedOfABurstBehind(int slow, Duration delay) throws Exception {
        try (BcEmulator bc = BcEmulator.builder().start()) {
            assertEquals(BcLimits.BUSINESS_CENTRAL_ONLINE, bc.limits());
            BcClient client = new BcClient(bc);
            client.token();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            if (slow > 0) {
                bc.faults().slow(slow, delay);
                for (int i = 0; i < slow; i++) {
                    answers.add(send(client.authorized("/api/v2.0/companies").GET()));
                }
                awaitProcessing(bc, "client:" + BcEmulator.DEFAULT_CLIENT_ID, slow);
            }
            for (int i = slow; i < 130; i++) {
                answers.add(send(client.authorized("/api/v2.0/companies").GET()));
            }
            int refused = 0;
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                int status = answer.get(30, TimeUnit.SECONDS).statusCode();
                assertTrue(status == 200 || status == 429, "status " + status);
                refused += status == 429 ? 1 : 0;
            }
            assertEquals(refused, bc.throttledRequests().queueFull());
            return refused;
        }
    }

    @Test
    void requestsBeyondTheSlidingWindowAre429WithTheSecondsUntilItFreesASlot() throws Exception {
        try (BcEmulator bc = BcEmulator.builder().requestsPerWindow(3).rateWindow(Duration.ofSeconds(2)).start()) {
            BcClient client = new BcClient(bc);
            for (int i = 0; i < 3; i++) {
                assertEquals(200, client.get("/api/v2.0/companies").status());
            }
            Response throttled = client.get("/api/v2.0/companies");

            assertEquals(429, throttled.status(), throttled::toString);
            assertEquals("Application_TooManyRequests", throttled.errorCode());
            assertTrue(throttled.errorMessage().startsWith("Too many requests reached. Actual (4). Maximum (3)."),
                    throttled::toString);
            int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 2, throttled.headers()::toString);
            assertEquals("4.0", throttled.header("OData-Version"));

            Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter) + 100);
            assertEquals(200, client.get("/api/v2.0/companies").status(), "the window freed a slot by then");
            assertEquals(1, bc.throttledRequests().windowExceeded());
            assertEquals(200, BcClient.requestToken(bc, BcEmulator.DEFAULT_CLIENT_ID, BcEmulator.DEFAULT_CLIENT_SECRET,
                    "client_credentials").status(), "the token endpoint is no part of the API's limits");
        }
    }

    @Test
    void anOperationOverTheTimeoutIs408AndARequestQueuedThatLong503() throws Exception {
        try (BcEmulator bc = BcEmulator.builder().operationTimeout(Duration.ofMillis(300)).maxConcurrentRequests(1)
                .start()) {
            BcClient client = new BcClient(bc);
            client.token();
            bc.faults().operationTimeout(1);
            long start = System.nanoTime();
            Response timedOut = client.get("/api/v2.0/companies");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(408, timedOut.status(), timedOut::toString);
            assertTrue(millis >= 300 && millis < 5000, "answered once the timeout passed, not after " + millis);
            assertFalse(timedOut.text().toLowerCase().contains("emulator"), timedOut::toString);
            bc.faults().slow(1, Duration.ofMillis(100));
            assertEquals(200, client.get("/api/v2.0/companies").status(), "a slow answer within the timeout");

            String company = bc.company("CRONUS USA, Inc.").id();
            JsonNode pkg = client.createPackage(company, "SLOW");
            HeldUpload upload = new HeldUpload(bc.port(), bc.serviceRootUrl().substring(bc.baseUrl().length())
                    + BcClient.pkg(company, pkg.get("id").asText()) + "/file('SLOW')/content", client.token());
            awaitProcessing(bc, "client:" + BcEmulator.DEFAULT_CLIENT_ID, 1);
            Response queuedTooLong = client.get("/api/v2.0/companies");

            assertEquals(503, queuedTooLong.status(), queuedTooLong::toString);
            assertEquals(204, upload.finish());
            assertEquals(1, bc.throttledRequests().queueTimedOut());
        }
    }

    @Test
    void theAdministrationRouteChangesAndShowsTheLimits() throws Exception {
        try (BcEmulator bc = BcEmulator.builder().start()) {
            BcClient client = new BcClient(bc);
            assertEquals(BcLimits.BUSINESS_CENTRAL_ONLINE, bc.limits());
            JsonNode set = admin(bc, "PUT", "{\"requestsPerWindow\":1,\"windowSeconds\":60}");
            assertEquals(1, set.get("requestsPerWindow").asInt());
            assertEquals(200, client.get("/api/v2.0/companies").status());
            assertEquals(429, client.get("/api/v2.0/companies").status());

            JsonNode shown = admin(bc, "GET", null);
            assertEquals(1, shown.get("refused").get("windowExceeded").asInt());
            assertEquals(1, shown.get("users").get("client:deploykit-demo").get("inWindow").asInt());
            assertEquals(5, shown.get("maxConcurrentRequests").asInt());

            admin(bc, "PUT", "{\"enabled\":false}");
            assertEquals(200, client.get("/api/v2.0/companies").status(), "lifted");
            assertEquals(Integer.MAX_VALUE, bc.limits().requestsPerWindow());
            admin(bc, "DELETE", null);
            assertEquals(BcLimits.BUSINESS_CENTRAL_ONLINE, bc.limits());
            bc.setLimits(BcLimits.NONE);
            assertEquals(BcLimits.NONE, bc.limits());
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(bc.baseUrl()
                    + "/_emulator/bc/limits")).PUT(BodyPublishers.ofString("{\"maxConcurrentRequests\":0}")).build(),
                    BodyHandlers.ofString());
            assertEquals(400, refused.statusCode(), refused.body());
        }
    }

    private static JsonNode admin(BcEmulator bc, String method, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(bc.baseUrl()
                + "/_emulator/bc/limits")).method(method, body == null ? BodyPublishers.noBody()
                : BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JsonCodec.MAPPER.readTree(response.body());
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
        return HTTP.sendAsync(request.build(), BodyHandlers.ofString());
    }

    /**
     * An upload over a socket of its own whose body stops after its first byte, holding its request in the
     * service until {@link #finish()} sends the rest.
     */
    private static final class HeldUpload {

        private static final int LENGTH = 16;
        private final Socket socket;

        HeldUpload(int port, String path, String token) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            String head = "PATCH " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                          + token + "\r\nIf-Match: *\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                          + LENGTH + "\r\nConnection: close\r\n\r\nP";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }

        /** Sends the rest of the body; the answer's status. */
        int finish() throws IOException {
            try (socket) {
                socket.getOutputStream().write(new byte[LENGTH - 1]);
                socket.getOutputStream().flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                return Integer.parseInt(answer.substring(9, 12));
            }
        }
    }

    private static void awaitProcessing(BcEmulator bc, String user, int processing) throws Exception {
        awaitUsage(bc, user, "processing", processing);
    }

    private static void awaitQueued(BcEmulator bc, String user, int queued) throws Exception {
        awaitUsage(bc, user, "queued", queued);
    }

    private static void awaitUsage(BcEmulator bc, String user, String field, int value) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode usage = null;
        while (System.nanoTime() < deadline) {
            usage = admin(bc, "GET", null).get("users").get(user);
            if (usage != null && usage.get(field).asInt() == value) {
                return;
            }
            Thread.sleep(20);
        }
        assertNull(usage, "expected " + field + " " + value + " for " + user + ", but the usage is " + usage);
    }

    private static String basic(String user, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
