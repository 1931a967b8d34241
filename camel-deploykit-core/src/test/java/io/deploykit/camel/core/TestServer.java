package io.deploykit.camel.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.deploykit.camel.core.http.HttpSettings;

/** A real HTTP server on a free loopback port, scripted per test, recording what it received. */
public final class TestServer implements AutoCloseable {

    /** What one request carried. */
    public record Received(String method, String path, String authorization, String contentType, long contentLength,
                           byte[] body) {
    }

    /** The transport settings of an endpoint with the default options. */
    public static final HttpSettings HTTP_SETTINGS = new HttpSettings(Duration.ofSeconds(30), Duration.ofMinutes(5), 20,
            null, 0, null, "DeployKit");

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public TestServer(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), length == null ? -1 : Long.parseLong(length), body));
            exchange.setStreams(new java.io.ByteArrayInputStream(body), null); // the handler may read it too
            handler.handle(exchange);
        });
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Received> received() {
        return received;
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
