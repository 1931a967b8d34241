package io.deploykit.camel.core.http;

import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.util.ObjectHelper;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends requests without holding a thread while they are on the wire: Apache HttpClient 5's asynchronous
 * client, two I/O threads, a bounded connection pool. Requests beyond the pool wait in its queue, not in threads.
 * A transport either owns its client or is one user's view of a client shared by several ({@link SharedHttpClients}):
 * closing a view fails the requests sent through it, and closes the client once its last view is closed.
 */
public final class HttpTransport implements AutoCloseable {

    private final CloseableHttpAsyncClient client;
    private final String userAgent;
    private final Runnable release;
    /** The requests sent and not answered yet: {@link #close()} fails them, the client would leave them pending. */
    private final Set<CompletableFuture<HttpResult>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A transport with a client of its own, closed with it. */
    public HttpTransport(HttpSettings settings) {
        this(newClient(settings), settings.userAgent(), null);
    }

    /** A view of a started client; {@code release} runs once, when the view is closed (null: close the client). */
    HttpTransport(CloseableHttpAsyncClient client, String userAgent, Runnable release) {
        this.client = client;
        this.userAgent = userAgent;
        this.release = release != null ? release : () -> client.close(CloseMode.GRACEFUL);
    }

    /** A started client with these settings. */
    static CloseableHttpAsyncClient newClient(HttpSettings settings) {
        var connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .build());
        if (settings.sslContext() != null) {
            // the default host name verifier stays: only the trust material changes
            connections.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(settings.sslContext()).buildAsync());
        }
        var builder = HttpAsyncClients.custom()
                .setConnectionManager(connections.build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                // HTTP/1.1: what both services and their emulators speak, and the fastest for large uploads
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                // retries, redirects of uploads and cookies are decided by the callers, not silently here
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        if (ObjectHelper.isNotEmpty(settings.proxyHost())) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort() > 0 ? settings.proxyPort() : 8080));
        } else {
            builder.useSystemProperties();
        }
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return client;
    }

    /**
     * Sends the call once. Completes with the response whatever its status; fails only when no response came
     * (connection refused or dropped, timeout, the transport closed).
     */
    public CompletableFuture<HttpResult> send(HttpCall call, String authorization) {
        BasicHttpRequest request = new BasicHttpRequest(call.method(), call.uri());
        call.headers().forEach(request::addHeader);
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        if (userAgent != null && !request.containsHeader("User-Agent")) {
            request.setHeader("User-Agent", userAgent);
        }
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        pending.add(result);
        result.whenComplete((r, e) -> pending.remove(result));
        try {
            execute(request, call, result);
        } catch (RuntimeException refused) {
            pending.remove(result);
            throw refused;
        }
        if (closed) {
            failPending(); // closed while this one was being handed over
        }
        return result;
    }

    private void execute(BasicHttpRequest request, HttpCall call, CompletableFuture<HttpResult> result) {
        client.execute(new BasicRequestProducer(request, call.body() == null ? null : call.body().newProducer()),
                new BasicResponseConsumer<>(new BoundedEntityConsumer(BoundedEntityConsumer.MAX_BYTES)), null,
                new FutureCallback<Message<HttpResponse, byte[]>>() {
                    @Override
                    public void completed(Message<HttpResponse, byte[]> message) {
                        HttpResponse head = message.getHead();
                        Map<String, String> headers = new HashMap<>();
                        for (Header header : head.getHeaders()) {
                            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
                        }
                        result.complete(new HttpResult(head.getCode(), headers, message.getBody()));
                    }

                    @Override
                    public void failed(Exception cause) {
                        result.completeExceptionally(cause);
                    }

                    @Override
                    public void cancelled() {
                        result.cancel(false);
                    }
                });
    }

    /** Whether {@link #close()} was called: a request failing from then on failed because of it. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the client. Requests still under way fail at once (the client itself would leave them pending forever,
     * and whoever waits for them, such as a token fetch shared with other endpoints, with them).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        failPending();
        release.run();
        failPending();
    }

    private void failPending() {
        for (CompletableFuture<HttpResult> request : pending) {
            request.completeExceptionally(new InterruptedIOException("the HTTP transport was closed"));
        }
    }
}
