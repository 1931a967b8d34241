package io.deploykit.camel.core.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.camel.core.TestServer;
import io.deploykit.camel.core.auth.Authenticator;
import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.AmbiguousOutcomeException;
import io.deploykit.camel.core.error.ApiException;
import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.error.OperationInterruptedException;
import io.deploykit.camel.core.retry.RetryPolicy;

class ApiClientTest {

    private static final ErrorDecoder ERRORS = (call, result) ->
            new ApiException(call.method(), call.uri().toString(), result.status(), "E" + result.status(), result.bodyText(), null);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpTransport transport = new HttpTransport(TestServer.HTTP_SETTINGS);
    private final RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        transport.close();
        scheduler.shutdownNow();
    }

    private ApiClient client(Authenticator auth) {
        return new ApiClient(transport, auth, retry, ERRORS, scheduler);
    }

    @Test
    void retriesRateLimitedRequestsHonouringRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestServer server = new TestServer(exchange -> {
            if (calls.incrementAndGet() <= 2) {
                exchange.getResponseHeaders().set("Retry-After", "0");
                TestServer.respond(exchange, calls.get() == 1 ? 429 : 503, "application/json", "{}");
            } else {
                TestServer.respond(exchange, 200, "application/json", "{\"ok\":true}");
            }
        })) {
            HttpResult result = client(Authenticator.NONE).send(HttpCall.get(server.uri("/x"))).get(5, TimeUnit.SECONDS);
            assertEquals(200, result.status());
            assertEquals(3, server.received().size());
        }
    }

    @Test
    void givesUpAfterMaxRetriesWithTheServicesError() throws Exception {
        try (TestServer server = new TestServer(exchange -> TestServer.respond(exchange, 503, "text/plain", "busy"))) {
            CompletableFuture<HttpResult> outcome = client(Authenticator.NONE).send(HttpCall.get(server.uri("/x")));
            ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
            ApiException error = assertInstanceOf(ApiException.class, e.getCause());
            assertEquals(503, error.getStatusCode());
            assertEquals(1 + 3, server.received().size(), "the first try and three retries");
        }
    }

    @Test
    void doesNotRetryClientErrors() throws Exception {
        try (TestServer server = new TestServer(exchange -> TestServer.respond(exchange, 400, "text/plain", "bad"))) {
            CompletableFuture<HttpResult> outcome = client(Authenticator.NONE).send(HttpCall.get(server.uri("/x")));
            ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
            assertEquals(400, assertInstanceOf(ApiException.class, e.getCause()).getStatusCode());
            assertEquals(1, server.received().size());
        }
    }

    @Test
    void acceptedStatusesComeBackAsResults() throws Exception {
        try (TestServer server = new TestServer(exchange -> TestServer.respond(exchange, 404, "text/plain", "none"))) {
            HttpResult result = client(Authenticator.NONE).send(HttpCall.get(server.uri("/x")).accepting(404))
                    .get(5, TimeUnit.SECONDS);
            assertEquals(404, result.status());
        }
    }

    @Test
    void a401RefreshesTheTokenOnceAndSendsAgain() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        Authenticator rotating = new Authenticator() {
            private volatile String current = "Bearer t" + issued.incrementAndGet();

            @Override
            public CompletableFuture<String> authorization(HttpTransport t) {
                return CompletableFuture.completedFuture(current);
            }

            @Override
            public boolean invalidate(String rejected) {
                current = "Bearer t" + issued.incrementAndGet();
                return true;
            }
        };
        try (TestServer server = new TestServer(exchange -> {
            boolean fresh = "Bearer t2".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            TestServer.respond(exchange, fresh ? 200 : 401, "application/json", "{}");
        })) {
            HttpResult result = client(rotating).send(HttpCall.get(server.uri("/x"))).get(5, TimeUnit.SECONDS);
            assertEquals(200, result.status());
            assertEquals(List.of("Bearer t1", "Bearer t2"),
                    server.received().stream().map(TestServer.Received::authorization).toList());
        }
    }

    @Test
    void aSecond401FailsInsteadOfLooping() throws Exception {
        Authenticator alwaysNew = new Authenticator() {
            @Override
            public CompletableFuture<String> authorization(HttpTransport t) {
                return CompletableFuture.completedFuture("Bearer x");
            }

            @Override
            public boolean invalidate(String rejected) {
                return true;
            }
        };
        try (TestServer server = new TestServer(exchange -> TestServer.respond(exchange, 401, "application/json", "{}"))) {
            CompletableFuture<HttpResult> outcome = client(alwaysNew).send(HttpCall.get(server.uri("/x")));
            ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
            assertEquals(401, assertInstanceOf(ApiException.class, e.getCause()).getStatusCode());
            assertEquals(2, server.received().size());
        }
    }

    @Test
    void aDroppedConnectionIsRetriedOnlyForIdempotentRequests() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestServer server = new TestServer(exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.close(); // no response at all: the connection is dropped
            } else {
                TestServer.respond(exchange, 200, "application/json", "{}");
            }
        })) {
            assertEquals(200, client(Authenticator.NONE).send(HttpCall.get(server.uri("/x"))).get(5, TimeUnit.SECONDS).status());
            assertEquals(2, calls.get());

            calls.set(0);
            CompletableFuture<HttpResult> post = client(Authenticator.NONE)
                    .send(HttpCall.post(server.uri("/y"), RequestBody.json("{}", ContentType.APPLICATION_JSON)));
            ExecutionException e = assertThrows(ExecutionException.class, () -> post.get(5, TimeUnit.SECONDS));
            DeployKitException failure = assertInstanceOf(DeployKitException.class, e.getCause());
            assertTrue(failure.getMessage().contains("not sent again"), failure.getMessage());
            assertEquals(1, calls.get());
        }
    }

    @Test
    void streamsAFileAsRawBodyAndAsMultipartWithExactLengths(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        Path file = Files.write(dir.resolve("big.zip"), content);
        try (TestServer server = new TestServer(exchange -> TestServer.respond(exchange, 204, null, ""))) {
            UploadBody upload = UploadBody.ofFile(file);
            client(Authenticator.NONE).send(HttpCall.patch(server.uri("/raw"),
                    RequestBody.raw(upload, ContentType.APPLICATION_OCTET_STREAM))).get(10, TimeUnit.SECONDS);
            client(Authenticator.NONE).send(HttpCall.post(server.uri("/multi"),
                    RequestBody.multipartFile("package", upload, ContentType.create("application/zip")))).get(10, TimeUnit.SECONDS);

            TestServer.Received raw = server.received().get(0);
            assertArrayEquals(content, raw.body());
            assertEquals(content.length, raw.contentLength());

            TestServer.Received multi = server.received().get(1);
            assertTrue(multi.contentType().startsWith("multipart/form-data; boundary="), multi.contentType());
            String boundary = multi.contentType().substring(multi.contentType().indexOf('=') + 1);
            assertEquals(multi.body().length, multi.contentLength());
            String text = new String(multi.body(), StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"package\"; filename=\"big.zip\"\r\n"));
            int start = text.indexOf("\r\n\r\n") + 4;
            int end = text.lastIndexOf("\r\n--" + boundary + "--\r\n");
            assertArrayEquals(content, java.util.Arrays.copyOfRange(multi.body(), start, end));
        }
    }

    private static HttpCall create(URI uri) {
        return HttpCall.post(uri, RequestBody.json("{\"code\":\"P\"}", ContentType.APPLICATION_JSON));
    }

    private static Throwable failureOf(CompletableFuture<HttpResult> outcome) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(10, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void aCreateAnsweredByAGatewayErrorIsAmbiguousAndNotSentAgain() throws Exception {
        for (int status : new int[] { 504, 502, 408 }) {
            try (TestServer server = new TestServer(exchange -> TestServer.respond(exchange, status, "text/plain", "gateway"))) {
                Throwable failure = failureOf(client(Authenticator.NONE).send(create(server.uri("/packages"))));
                AmbiguousOutcomeException ambiguous = assertInstanceOf(AmbiguousOutcomeException.class, failure, "HTTP " + status);
                assertTrue(ambiguous.getMessage().contains("HTTP " + status), ambiguous.getMessage());
                assertEquals(status, assertInstanceOf(ApiException.class, ambiguous.getCause()).getStatusCode());
                assertEquals(1, server.received().size(), "HTTP " + status + " was not followed by another POST");
            }
        }
    }

    @Test
    void aCreateRefusedWith503OrRateLimitedIsSentAgain() throws Exception {
        for (int status : new int[] { 503, 429 }) {
            AtomicInteger calls = new AtomicInteger();
            try (TestServer server = new TestServer(exchange -> {
                if (calls.incrementAndGet() == 1) {
                    exchange.getResponseHeaders().set("Retry-After", "0");
                    TestServer.respond(exchange, status, "text/plain", "busy");
                } else {
                    TestServer.respond(exchange, 201, "application/json", "{\"id\":\"1\"}");
                }
            })) {
                HttpResult result = client(Authenticator.NONE).send(create(server.uri("/packages"))).get(10, TimeUnit.SECONDS);
                assertEquals(201, result.status());
                assertEquals(List.of("POST", "POST"), server.received().stream().map(TestServer.Received::method).toList(),
                        "HTTP " + status);
            }
        }
    }

    @Test
    void aReadAnsweredByAGatewayErrorIsSentAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestServer server = new TestServer(exchange -> {
            int call = calls.incrementAndGet();
            TestServer.respond(exchange, call == 1 ? 504 : call == 2 ? 502 : 200, "application/json", "{}");
        })) {
            HttpResult result = client(Authenticator.NONE).send(HttpCall.get(server.uri("/x"))).get(10, TimeUnit.SECONDS);
            assertEquals(200, result.status());
            assertEquals(3, server.received().size());
        }
    }

    @Test
    void aCreateWhoseConnectionBrokeAfterItWasSentIsAmbiguousAndNotSentAgain() throws Exception {
        try (TestServer server = new TestServer(exchange -> exchange.close())) {
            Throwable failure = failureOf(client(Authenticator.NONE).send(create(server.uri("/packages"))));
            AmbiguousOutcomeException ambiguous = assertInstanceOf(AmbiguousOutcomeException.class, failure);
            assertTrue(ambiguous.getMessage().contains("after it was sent"), ambiguous.getMessage());
            assertEquals(1, server.received().size());
        }
    }

    @Test
    void aCreateThatCouldNotConnectIsSentAgainAndFailsPlainlyWhenNoneConnects() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AtomicInteger attempts = new AtomicInteger();
        Authenticator counting = new Authenticator() {
            @Override
            public CompletableFuture<String> authorization(HttpTransport t) {
                attempts.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean invalidate(String rejected) {
                return false;
            }
        };
        Throwable failure = failureOf(client(counting).send(create(URI.create("http://127.0.0.1:" + closedPort + "/packages"))));
        assertEquals(1 + 3, attempts.get(), "the first try and three retries: a refused connection sent nothing");
        DeployKitException plain = assertInstanceOf(DeployKitException.class, failure);
        assertFalse(plain instanceof AmbiguousOutcomeException, plain.toString());
    }

    @Test
    void noRetryIsScheduledToStartAfterTheCallsDeadline() throws Exception {
        ApiClient patient = new ApiClient(transport, Authenticator.NONE,
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(30)), ERRORS, scheduler);
        try (TestServer server = new TestServer(exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "5");
            TestServer.respond(exchange, 429, "text/plain", "slow down");
        })) {
            long started = System.nanoTime();
            Throwable failure = failureOf(patient.send(HttpCall.get(server.uri("/x")).until(Instant.now().plusSeconds(1))));
            long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertEquals(429, assertInstanceOf(ApiException.class, failure).getStatusCode());
            assertEquals(1, server.received().size());
            assertTrue(tookMillis < 1_000, "failed at once rather than waiting 5 s: " + tookMillis + " ms");
        }
        AtomicInteger calls = new AtomicInteger();
        try (TestServer server = new TestServer(exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "0");
            TestServer.respond(exchange, calls.incrementAndGet() == 1 ? 429 : 200, "application/json", "{}");
        })) {
            HttpResult result = patient.send(HttpCall.get(server.uri("/x")).until(Instant.now().plusSeconds(5)))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(200, result.status());
            assertEquals(2, server.received().size(), "a retry that starts before the deadline is sent");
        }
    }

    @Test
    void afterTheTransportIsClosedASendFailsAsInterrupted() throws Exception {
        try (TestServer server = new TestServer(exchange -> TestServer.respond(exchange, 200, "application/json", "{}"))) {
            transport.close();
            Throwable failure = failureOf(client(Authenticator.NONE).send(HttpCall.get(server.uri("/x"))));
            assertInstanceOf(OperationInterruptedException.class, failure);
            Throwable create = failureOf(client(Authenticator.NONE).send(create(server.uri("/packages"))));
            assertInstanceOf(OperationInterruptedException.class, create);
            assertEquals(0, server.received().size());
        }
    }

    @Test
    void aRequestUnderWayWhenTheTransportClosesFailsAsInterrupted() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = new TestServer(exchange -> {
            arrived.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestServer.respond(exchange, 200, "application/json", "{}");
        })) {
            CompletableFuture<HttpResult> outcome = client(Authenticator.NONE).send(create(server.uri("/packages")));
            assertTrue(arrived.await(10, TimeUnit.SECONDS));
            Thread closing = new Thread(transport::close);
            try {
                closing.start();
                long started = System.nanoTime();
                assertInstanceOf(OperationInterruptedException.class, failureOf(outcome));
                assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3_000, "failed when the close began");
            } finally {
                release.countDown();
                closing.join(10_000);
            }
        }
    }

    @Test
    void anAnswerLargerThanTheLimitFailsWithoutFillingTheHeapAndIsNotSentAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        com.sun.net.httpserver.HttpServer huge = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        huge.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, 0); // chunked, endless as far as the client can tell
            byte[] chunk = new byte[1 << 20];
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 80; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // expected: the client stops reading at its limit
            }
        });
        huge.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + huge.getAddress().getPort() + "/big");
            CompletableFuture<HttpResult> outcome = client(Authenticator.NONE).send(HttpCall.get(uri));
            ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(30, TimeUnit.SECONDS));
            DeployKitException failure = assertInstanceOf(DeployKitException.class, e.getCause());
            assertTrue(failure.getMessage().contains("larger than " + (64L << 20)), failure.getMessage());
            assertEquals(1, calls.get(), "an answer too large is not asked for again");
        } finally {
            huge.stop(0);
        }
    }
}
