package io.deploykit.emulator.bc.limits;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.Handler;
import io.deploykit.emulator.http.HttpError;
import io.deploykit.emulator.http.Interceptor;

/**
 * Enforces {@link BcLimits} on the API requests of each user or service principal ({@link Exchange#principal()}):
 * a request over the queue or the sliding window is refused with 429 before it counts; one admitted waits, first
 * come first served, until fewer than the maximum of its principal's requests are processed, then runs and frees its
 * slot when answered. A request still waiting when the operation timeout passes gets 503.
 * <p>
 * The texts are Business Central's: {@code Application_TooManyRequests}, "Too many requests reached. Actual (101).
 * Maximum (100)."
 */
public final class OperationalLimits implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(OperationalLimits.class);
    static final String TOO_MANY_REQUESTS = "Application_TooManyRequests";

    private final Map<String, Principal> principals = new ConcurrentHashMap<>();
    private final AtomicLong queueFull = new AtomicLong();
    private final AtomicLong windowExceeded = new AtomicLong();
    private final AtomicLong queueTimedOut = new AtomicLong();
    private volatile BcLimits limits;

    public OperationalLimits(BcLimits limits) {
        this.limits = limits;
    }

    public BcLimits limits() {
        return limits;
    }

    /** New limits apply to the requests that arrive from now on; waiting ones re-check against them. */
    public void setLimits(BcLimits limits) {
        this.limits = limits;
        principals.values().forEach(Principal::wake);
    }

    /** How many requests each limit refused since the start. */
    public ThrottledRequests refused() {
        return new ThrottledRequests(queueFull.get(), windowExceeded.get(), queueTimedOut.get());
    }

    /** Each principal's requests now: processing, waiting, and within the window. */
    public Map<String, long[]> usage() {
        Map<String, long[]> usage = new LinkedHashMap<>();
        long now = System.nanoTime();
        principals.forEach((name, principal) -> usage.put(name, principal.usage(now, limits)));
        return usage;
    }

    @Override
    public void handle(Exchange exchange, Handler handler) throws IOException {
        String name = exchange.principal();
        if (name == null) { // not authenticated: the gate refused it already
            handler.handle(exchange);
            return;
        }
        Principal principal = principals.computeIfAbsent(name, key -> new Principal());
        principal.acquire(this, name);
        try {
            handler.handle(exchange);
        } finally {
            principal.release();
        }
    }

    /** One user's or service principal's requests: those processed, those waiting in order, and the window's. */
    private static final class Principal {

        private final Deque<Object> waiting = new ArrayDeque<>();
        /** The arrival times (System.nanoTime) of the requests within the window, oldest first. */
        private final Deque<Long> window = new ArrayDeque<>();
        private int processing;

        synchronized void acquire(OperationalLimits owner, String name) {
            BcLimits limits = owner.limits;
            long now = System.nanoTime();
            long inFlight = (long) processing + waiting.size();
            long maximum = (long) limits.maxConcurrentRequests() + limits.maxQueuedRequests();
            if (inFlight >= maximum) {
                owner.queueFull.incrementAndGet();
                LOG.info("{}: {} requests processed or queued, at most {}: 429", name, inFlight, maximum);
                throw tooManyRequests(inFlight + 1, maximum);
            }
            long windowNanos = limits.window().toNanos();
            purge(now, windowNanos);
            if (window.size() >= limits.requestsPerWindow()) {
                owner.windowExceeded.incrementAndGet();
                long waitNanos = window.peekFirst() + windowNanos - now;
                long retryAfter = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
                LOG.info("{}: {} requests within {}, at most {}: 429, retry after {} s", name, window.size(),
                        limits.window(), limits.requestsPerWindow(), retryAfter);
                throw tooManyRequests(window.size() + 1L, limits.requestsPerWindow())
                        .withHeader("Retry-After", Long.toString(retryAfter));
            }
            if (limits.requestsPerWindow() != Integer.MAX_VALUE) { // unlimited: nothing to remember
                window.addLast(now);
            }
            Object ticket = new Object();
            waiting.addLast(ticket);
            long deadline = now + limits.operationTimeout().toNanos();
            try {
                while (waiting.peekFirst() != ticket || processing >= owner.limits.maxConcurrentRequests()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        owner.queueTimedOut.incrementAndGet();
                        LOG.info("{}: a request waited {} for a slot: 503", name, limits.operationTimeout());
                        throw new HttpError(503, "Application_ServiceUnavailable", "The request waited for "
                                            + "longer than the operation timeout for other requests of the same user "
                                            + "to complete. Retry the request later.");
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the server is stopping
                throw new HttpError(503, "Application_ServiceUnavailable", "The service is stopping.");
            } finally {
                boolean first = waiting.peekFirst() == ticket;
                waiting.remove(ticket);
                if (first) {
                    notifyAll(); // the next in line may go
                }
            }
            processing++;
        }

        synchronized void release() {
            processing--;
            notifyAll();
        }

        synchronized void wake() {
            notifyAll();
        }

        synchronized long[] usage(long now, BcLimits limits) {
            purge(now, limits.window().toNanos());
            return new long[] {processing, waiting.size(), window.size()};
        }

        private void purge(long now, long windowNanos) {
            while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
                window.removeFirst();
            }
        }

        private static HttpError tooManyRequests(long actual, long maximum) {
            return new HttpError(429, TOO_MANY_REQUESTS, "Too many requests reached. Actual (" + actual
                                                         + "). Maximum (" + maximum + ").");
        }
    }
}
