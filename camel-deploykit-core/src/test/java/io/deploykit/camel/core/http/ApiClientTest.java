package io.deploykit.camel.core.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
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
import io.deploykit.camel.core.error.ApiException;
import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.retry.RetryPolicy;

class ApiClientTest {

    private static final ErrorDecoder ERRORS = (call, result) ->
            new ApiException(call.method(), call.uri().toString(), result.status(), "E" + result.status(), result.bodyText(), null);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpTransport transport = new HttpTransport(HttpSettings.defaults());
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
}
