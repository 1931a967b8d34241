package io.deploykit.emulator.bc.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * The operational limits of Business Central online that the emulator enforces on API requests, per user or service
 * principal (an OAuth client's tokens count together; a Basic user likewise):
 * <ul>
 *   <li>at most {@link #maxConcurrentRequests()} requests processed at once (5); more wait in a queue, first in
 *       first out, and are processed as slots free;</li>
 *   <li>at most {@link #maxQueuedRequests()} requests waiting (95): beyond, 429 Too Many Requests at once;</li>
 *   <li>at most {@link #requestsPerWindow()} requests within a sliding {@link #window()} (6000 in 5 minutes):
 *       beyond, 429 with {@code Retry-After}, the seconds until the window frees a slot;</li>
 *   <li>an {@link #operationTimeout()} (8 minutes): a request that would take longer (an injected slow answer) is
 *       answered 408 Request Timeout once it passes, and a request still queued then is answered 503.</li>
 * </ul>
 * Immutable; the {@code with...} methods make a copy. {@link #BUSINESS_CENTRAL_ONLINE} are the defaults,
 * {@link #NONE} lifts the request limits (keeping the operation timeout).
 */
public final class BcLimits {

    /** The limits Microsoft documents for Business Central online ("Operational limits", "API limits"). */
    public static final BcLimits BUSINESS_CENTRAL_ONLINE = new BcLimits(5, 95, 6000, Duration.ofMinutes(5),
            Duration.ofMinutes(8));

    /** No limit on concurrency, queue or rate; the operation timeout of Business Central online. */
    public static final BcLimits NONE = new BcLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Duration.ofMinutes(5), Duration.ofMinutes(8));

    private final int maxConcurrentRequests;
    private final int maxQueuedRequests;
    private final int requestsPerWindow;
    private final Duration window;
    private final Duration operationTimeout;

    private BcLimits(int maxConcurrentRequests, int maxQueuedRequests, int requestsPerWindow, Duration window,
                     Duration operationTimeout) {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("At least one request must be processed at once, not "
                                               + maxConcurrentRequests);
        }
        if (maxQueuedRequests < 0) {
            throw new IllegalArgumentException("A queue cannot hold fewer than 0 requests: " + maxQueuedRequests);
        }
        if (requestsPerWindow < 1) {
            throw new IllegalArgumentException("At least one request per window, not " + requestsPerWindow);
        }
        if (Objects.requireNonNull(window, "window").toMillis() < 1) {
            throw new IllegalArgumentException("A window lasts at least a millisecond, not " + window);
        }
        if (Objects.requireNonNull(operationTimeout, "operationTimeout").toMillis() < 1) {
            throw new IllegalArgumentException("An operation timeout is at least a millisecond, not "
                                               + operationTimeout);
        }
        this.maxConcurrentRequests = maxConcurrentRequests;
        this.maxQueuedRequests = maxQueuedRequests;
        this.requestsPerWindow = requestsPerWindow;
        this.window = window;
        this.operationTimeout = operationTimeout;
    }

    /** How many requests of a user are processed at once; more wait. */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** How many requests of a user may wait for a slot; more get 429 at once. */
    public int maxQueuedRequests() {
        return maxQueuedRequests;
    }

    /** How many requests of a user the sliding window admits; more get 429 with Retry-After. */
    public int requestsPerWindow() {
        return requestsPerWindow;
    }

    /** The length of the sliding window of {@link #requestsPerWindow()}. */
    public Duration window() {
        return window;
    }

    /** The longest a request may be processed, or wait for a slot. */
    public Duration operationTimeout() {
        return operationTimeout;
    }

    public BcLimits withMaxConcurrentRequests(int requests) {
        return new BcLimits(requests, maxQueuedRequests, requestsPerWindow, window, operationTimeout);
    }

    public BcLimits withMaxQueuedRequests(int requests) {
        return new BcLimits(maxConcurrentRequests, requests, requestsPerWindow, window, operationTimeout);
    }

    public BcLimits withRequestsPerWindow(int requests) {
        return new BcLimits(maxConcurrentRequests, maxQueuedRequests, requests, window, operationTimeout);
    }

    public BcLimits withWindow(Duration length) {
        return new BcLimits(maxConcurrentRequests, maxQueuedRequests, requestsPerWindow, length, operationTimeout);
    }

    public BcLimits withOperationTimeout(Duration timeout) {
        return new BcLimits(maxConcurrentRequests, maxQueuedRequests, requestsPerWindow, window, timeout);
    }

    /**
     * These limits with some changed, each null argument keeping its value: what {@code with...} calls one after
     * the other give.
     *
     * @throws IllegalArgumentException when a new value is not valid
     */
    public BcLimits with(Integer maxConcurrent, Integer maxQueued, Integer perWindow, Duration window,
                         Duration timeout) {
        return new BcLimits(maxConcurrent != null ? maxConcurrent : maxConcurrentRequests,
                maxQueued != null ? maxQueued : maxQueuedRequests, perWindow != null ? perWindow : requestsPerWindow,
                window != null ? window : this.window, timeout != null ? timeout : operationTimeout);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BcLimits that && maxConcurrentRequests == that.maxConcurrentRequests
               && maxQueuedRequests == that.maxQueuedRequests && requestsPerWindow == that.requestsPerWindow
               && window.equals(that.window) && operationTimeout.equals(that.operationTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxConcurrentRequests, maxQueuedRequests, requestsPerWindow, window, operationTimeout);
    }

    @Override
    public String toString() {
        return "BcLimits[" + count(maxConcurrentRequests) + " at once, " + count(maxQueuedRequests) + " queued, "
               + count(requestsPerWindow) + " per " + window + ", operation timeout " + operationTimeout + "]";
    }

    private static String count(int limit) {
        return limit == Integer.MAX_VALUE ? "unlimited" : Integer.toString(limit);
    }
}
