package io.deploykit.emulator.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server under an emulator: the JDK's built-in server on the loopback interface, a thread per request
 * being answered, the routes, fault injection and the request log, and a scheduler for background jobs.
 * <p>
 * Lifecycle: construct (binds the port), add routes to {@link #router()}, {@link #start}, {@link #close()}.
 */
public final class EmulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

    /** Connections waiting to be accepted: a benchmark opens hundreds at once. */
    private static final int BACKLOG = 1024;
    private static final int REQUEST_LOG_CAPACITY = 100_000;
    private static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // Beyond this many idle keep-alive connections (200 by default), the JDK server closes a connection right
        // after answering on it, without Connection: close; a client that reuses it then fails its next request.
        // Benchmarks keep hundreds open. The JDK reads this once, when the first server of the JVM starts.
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, "10000");
        }
        // The JDK server leaves Nagle's algorithm on: a response written as headers then body waits for the client's
        // delayed ACK (about 40 ms on Linux), which caps a keep-alive connection near 25 requests a second.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService requestThreads;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Router router = new Router();
    private final RequestLog requestLog = new RequestLog(REQUEST_LOG_CAPACITY);
    private volatile Faults faults;
    private volatile ErrorFormat unmatchedErrors;
    private volatile Supplier<Duration> operationTimeout = () -> null;

    /**
     * Binds 127.0.0.1.
     *
     * @param name    names the threads, such as {@code bc-emulator}
     * @param port    the port, or 0 for a free one
     * @param threads how many requests are answered at once (more wait in a queue)
     */
    public EmulatorServer(String name, int port, int threads) {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads(name + "-http-"));
        pool.allowCoreThreadTimeOut(true); // an idle emulator holds no threads
        requestThreads = pool;
        scheduler = new ScheduledThreadPoolExecutor(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemonThreads(name + "-job-"));
        scheduler.setRemoveOnCancelPolicy(true);
        http.setExecutor(requestThreads);
        http.createContext("/", this::handle);
    }

    public Router router() {
        return router;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    /** Runs background jobs and timers; tasks must not block for long. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /**
     * The longest a request may take: a request an injected slow answer would hold longer is answered 408 Request
     * Timeout once this much time has passed (by default none, null: slow answers come however slow).
     */
    public void operationTimeout(Supplier<Duration> timeout) {
        this.operationTimeout = timeout;
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Starts answering.
     *
     * @param faults          the faults to inject
     * @param unmatchedErrors how to answer a request that no route takes
     */
    public void start(Faults faults, ErrorFormat unmatchedErrors) {
        this.faults = faults;
        this.unmatchedErrors = unmatchedErrors;
        http.start();
    }

    @Override
    public void close() {
        http.stop(0);
        requestThreads.shutdownNow();
        scheduler.shutdownNow();
    }

    private void handle(HttpExchange httpExchange) {
        Instant arrived = Instant.now();
        long start = System.nanoTime();
        Exchange exchange = new Exchange(httpExchange);
        Router.Match match = router.match(exchange.method(), exchange.path());
        Route route = match == null ? null : match.route();
        boolean observed = route == null || route.group().observed();
        ErrorFormat errors = route == null ? unmatchedErrors : route.group().errors();
        if (observed) {
            exchange.onAnswer(() -> requestLog.record(new RecordedRequest(arrived, exchange.method(), exchange.path(),
                    exchange.rawQuery(), route == null ? null : route.name(), exchange.status(),
                    hasBearer(exchange), Duration.ofNanos(System.nanoTime() - start), recordedHeaders(exchange))));
        }
        try {
            FaultRule fault = observed ? faults.take(exchange.method(), exchange.path()) : null;
            if (fault != null) {
                LOG.info("Injecting {} into {}", fault.kind, exchange.requestLine());
            }
            if (fault != null && fault.kind.afterActing()) {
                exchange.discardAnswer();
                serve(exchange, match, errors, null);
                failAfterActing(exchange, errors, fault);
            } else {
                serve(exchange, match, errors, fault);
            }
        } finally {
            exchange.announce();
            exchange.close();
            LOG.debug("{} -> {} in {} ms", exchange.requestLine(), exchange.dropped() ? "dropped" : exchange.status(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
    }

    /** Answers the request: by the fault that hits it first, if any, else by its route's handler. */
    private void serve(Exchange exchange, Router.Match match, ErrorFormat errors, FaultRule fault) {
        Route route = match == null ? null : match.route();
        try {
            // a slow answer is slow inside its route's interceptor, holding a slot of the operational limits as the
            // service's own slow answers do; unmatched requests are slowed here, having no interceptor
            boolean slowInside = fault != null && fault.kind == FaultKind.SLOW && match != null && match.methodAllowed();
            if (fault != null && !slowInside && injectFault(exchange, errors, fault)) {
                return;
            }
            if (match == null) {
                throw new HttpError(404, errors.codeFor(404), "No resource matches the path " + exchange.path() + ".");
            }
            if (!match.methodAllowed()) {
                throw new HttpError(405, errors.codeFor(405),
                        "The method " + exchange.method() + " is not allowed on " + exchange.path() + ".");
            }
            exchange.matched(match.matcher());
            route.group().before().handle(exchange);
            Handler handler = route.handler();
            route.group().around().handle(exchange, !slowInside ? handler : slowed -> {
                injectFault(slowed, errors, fault);
                handler.handle(slowed);
            });
            if (!exchange.responded()) {
                throw new IllegalStateException("The handler of " + route.name() + " gave no answer");
            }
        } catch (HttpError e) {
            answer(exchange, errors, e);
        } catch (BodyTooLargeException e) {
            answer(exchange, errors, new HttpError(413, errors.codeFor(413),
                    "The request body is larger than the limit of " + e.limit() + " bytes."));
        } catch (IOException e) {
            LOG.debug("{} failed: {}", exchange.requestLine(), e.toString()); // the client went away, most likely
        } catch (RuntimeException e) {
            LOG.error("{} failed", exchange.requestLine(), e);
            answer(exchange, errors, new HttpError(500, errors.codeFor(500), "An unexpected error occurred on the server."));
        }
    }

    /**
     * Replaces the discarded answer of a request that was handled: what a gateway sends when the service acted but
     * the gateway stopped waiting for it, whatever the service answered.
     */
    private static void failAfterActing(Exchange exchange, ErrorFormat errors, FaultRule fault) {
        int discarded = exchange.endDiscarding();
        LOG.info("{}: the answer {} is discarded for {}", exchange.requestLine(), discarded, fault.kind);
        switch (fault.kind) {
            case DROP_AFTER_ACTING -> exchange.drop();
            case GATEWAY_TIMEOUT_AFTER_ACTING -> answer(exchange, errors, new HttpError(504, errors.codeFor(504),
                    "The gateway timed out waiting for the service."));
            case BAD_GATEWAY_AFTER_ACTING -> answer(exchange, errors, new HttpError(502, errors.codeFor(502),
                    "The gateway received an invalid response from the service."));
            default -> throw new IllegalStateException("Not a fault after acting: " + fault.kind);
        }
    }

    private static Map<String, String> recordedHeaders(Exchange exchange) {
        Map<String, String> headers = new HashMap<>();
        for (String name : RecordedRequest.RECORDED_HEADERS) {
            String value = exchange.header(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static boolean hasBearer(Exchange exchange) {
        String authorization = exchange.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** Applies a fault that hits before the request is handled; true when that answered it. */
    private boolean injectFault(Exchange exchange, ErrorFormat errors, FaultRule fault) {
        switch (fault.kind) {
            case SLOW -> {
                Duration limit = operationTimeout.get();
                if (limit != null && fault.delay.compareTo(limit) > 0) {
                    pause(limit);
                    throw new HttpError(408, errors.codeFor(408), "The operation did not complete within the "
                                                                  + "operation timeout of " + describe(limit)
                                                                  + " and was canceled.");
                }
                pause(fault.delay);
                return false;
            }
            case DROP_CONNECTION -> {
                exchange.drop();
                return true;
            }
            case RATE_LIMIT -> throw withRetryAfter(new HttpError(429, errors.codeFor(429),
                    "The request limit has been exceeded. Retry the request later."), fault);
            case SERVICE_UNAVAILABLE -> throw withRetryAfter(new HttpError(503, errors.codeFor(503),
                    "The service is temporarily unavailable. Retry the request later."), fault);
            default -> throw new IllegalStateException("Unknown fault " + fault.kind);
        }
    }

    /** A duration as people write it: {@code 8 minutes}, {@code 30 seconds}, {@code 250 ms}. */
    static String describe(Duration duration) {
        if (duration.toMillis() % 60_000 == 0) {
            long minutes = duration.toMinutes();
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        if (duration.toMillis() % 1000 == 0) {
            long seconds = duration.toSeconds();
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return duration.toMillis() + " ms";
    }

    private static HttpError withRetryAfter(HttpError error, FaultRule fault) {
        return fault.retryAfterSeconds == null ? error
                : error.withHeader("Retry-After", Integer.toString(fault.retryAfterSeconds));
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
        }
    }

    private static void answer(Exchange exchange, ErrorFormat errors, HttpError error) {
        if (exchange.responded()) {
            LOG.warn("{} already answered {}, cannot answer {} {}", exchange.requestLine(), exchange.status(),
                    error.status(), error.getMessage());
            return;
        }
        try {
            error.headers().forEach(exchange::setHeader);
            errors.write(exchange, error);
        } catch (IOException e) {
            LOG.debug("{}: the error answer could not be sent: {}", exchange.requestLine(), e.toString());
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
