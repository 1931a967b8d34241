package io.deploykit.camel.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.TestServer;
import io.deploykit.camel.core.error.AuthenticationException;
import io.deploykit.camel.core.http.HttpTransport;
import io.deploykit.camel.core.retry.RetryPolicy;

class ClientCredentialsAuthenticatorTest {

    private static final String SECRET = "s3cr3t-value";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpTransport transport = new HttpTransport(TestServer.HTTP_SETTINGS);
    private final RetryPolicy retry = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(100));

    @AfterEach
    void stop() {
        transport.close();
        scheduler.shutdownNow();
    }

    /** A token endpoint that issues t1, t2 ... valid {@code expiresIn} seconds, after {@code gate} opens. */
    private TestServer tokenServer(AtomicInteger issued, int expiresIn, CountDownLatch gate) throws Exception {
        return new TestServer(exchange -> {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!form.contains("client_secret=" + SECRET)) {
                TestServer.respond(exchange, 401, "application/json",
                        "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}");
                return;
            }
            TestServer.respond(exchange, 200, "application/json", "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                                                                  + ",\"access_token\":\"t" + issued.incrementAndGet() + "\"}");
        });
    }

    private ClientCredentialsAuthenticator authenticator(TestServer server, String secret, Clock clock) {
        ClientCredentials credentials = ClientCredentials.of(server.uri("/tenant/oauth2/v2.0/token"), "client-1", secret, "api/.default");
        return new ClientCredentialsAuthenticator(credentials, secret, retry, scheduler, clock);
    }

    @Test
    void concurrentRequestsShareOneTokenFetch() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        CountDownLatch gate = new CountDownLatch(1);
        try (TestServer server = tokenServer(issued, 3600, gate)) {
            ClientCredentialsAuthenticator auth = authenticator(server, SECRET, Clock.systemUTC());
            List<CompletableFuture<String>> waiting = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                waiting.add(auth.authorization(transport));
            }
            gate.countDown();
            for (CompletableFuture<String> header : waiting) {
                assertEquals("Bearer t1", header.get(5, TimeUnit.SECONDS));
            }
            assertEquals("Bearer t1", auth.authorization(transport).get(5, TimeUnit.SECONDS));
            assertEquals(1, server.received().size());
            assertEquals(1, auth.state().fetches());
            String form = new String(server.received().get(0).body(), StandardCharsets.UTF_8);
            assertTrue(form.contains("grant_type=client_credentials") && form.contains("scope=api%2F.default"), form);
        }
    }

    @Test
    void refreshesBeforeExpiryAndAfterA401() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        CountDownLatch open = new CountDownLatch(0);
        MutableClock clock = new MutableClock();
        try (TestServer server = tokenServer(issued, 100, open)) {
            ClientCredentialsAuthenticator auth = authenticator(server, SECRET, clock);
            assertEquals("Bearer t1", auth.authorization(transport).get(5, TimeUnit.SECONDS));
            clock.advance(Duration.ofSeconds(80));
            assertEquals("Bearer t1", auth.authorization(transport).get(5, TimeUnit.SECONDS), "still fresh");
            clock.advance(Duration.ofSeconds(11)); // inside the last tenth of its life
            assertEquals("Bearer t2", auth.authorization(transport).get(5, TimeUnit.SECONDS));

            assertTrue(auth.invalidate("Bearer t2"));
            assertEquals("Bearer t3", auth.authorization(transport).get(5, TimeUnit.SECONDS));
            auth.invalidate("Bearer t1"); // an old rejection does not drop the new token
            assertEquals("Bearer t3", auth.authorization(transport).get(5, TimeUnit.SECONDS));
            assertEquals(3, auth.state().fetches());
        }
    }

    @Test
    void aRefusedSecretFailsWithTheProvidersWordsAndNeverTheSecret() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        try (TestServer server = tokenServer(issued, 3600, new CountDownLatch(0))) {
            String wrong = "wrong-secret-123";
            ClientCredentialsAuthenticator auth = authenticator(server, wrong, Clock.systemUTC());
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> auth.authorization(transport).get(5, TimeUnit.SECONDS));
            AuthenticationException failure = assertInstanceOf(AuthenticationException.class, e.getCause());
            assertEquals(401, failure.getStatusCode());
            assertEquals("invalid_client", failure.getErrorCode());
            assertTrue(failure.getMessage().contains("AADSTS7000215"), failure.getMessage());
            assertFalse(failure.getMessage().contains(wrong), "the secret must not be in the message");
            assertFalse(auth.toString().contains(wrong));
            assertNotEquals(wrong, ClientCredentials.of(server.uri("/t"), "c", wrong, null).secretDigest());
            assertEquals(1, server.received().size(), "a refusal is not retried");
        }
    }

    @Test
    void aFetchThatFailsAtOnceIsStillReturnedAsAFailedFuture() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        try (TestServer server = tokenServer(issued, 3600, new CountDownLatch(0))) {
            ClientCredentialsAuthenticator auth = authenticator(server, SECRET, Clock.systemUTC());
            transport.close(); // the client refuses at once: the fetch completes before authorization() returns
            for (int i = 0; i < 2; i++) {
                CompletableFuture<String> header = auth.authorization(transport);
                assertNotNull(header, "attempt " + i);
                assertThrows(ExecutionException.class, () -> header.get(5, TimeUnit.SECONDS));
            }
            assertEquals(0, auth.state().fetches());
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
