package io.deploykit.camel.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.TestServer;

/**
 * Endpoints that differ only in what they address share one HTTP client: one pool, two I/O threads. Closing one
 * endpoint's view fails the requests it sent, leaves the others' working, and the client closes with the last view.
 */
class SharedHttpClientsTest {

    @Test
    void viewsOfTheSameSettingsShareOneClientThatClosesWithTheLast() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        try (TestServer server = new TestServer(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                try {
                    held.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            TestServer.respond(exchange, 200, "text/plain", "ok");
        })) {
            SharedHttpClients clients = new SharedHttpClients();
            HttpTransport first = clients.open(TestServer.HTTP_SETTINGS);
            HttpTransport second = clients.open(TestServer.HTTP_SETTINGS);
            assertEquals(1, clients.size(), "one client for both");

            CompletableFuture<HttpResult> slow = first.send(HttpCall.get(server.uri("/slow")), null);
            first.close();

            ExecutionException failed = assertThrows(ExecutionException.class, () -> slow.get(5, TimeUnit.SECONDS));
            assertInstanceOf(InterruptedIOException.class, failed.getCause(), "the closed view's request ends at once");
            assertTrue(first.isClosed());
            assertFalse(second.isClosed());
            assertEquals(200, second.send(HttpCall.get(server.uri("/fast")), null).get(5, TimeUnit.SECONDS).status(),
                    "the other view still works");
            assertEquals(1, clients.size());

            second.close();
            assertEquals(0, clients.size(), "closed with its last view");
            held.countDown();
        }
    }
}
