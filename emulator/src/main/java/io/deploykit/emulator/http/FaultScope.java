package io.deploykit.emulator.http;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Faults for the requests of one method and path: each method adds a fault that hits the next {@code requests}
 * matching requests, after the faults added before it are used up.
 */
public final class FaultScope {

    private final Faults faults;
    private final String method;
    private final Pattern path;

    FaultScope(Faults faults, String method, Pattern path) {
        this.faults = faults;
        this.method = method;
        this.path = path;
    }

    /** 429 Too Many Requests, with {@code Retry-After: retryAfterSeconds} unless that is null. */
    public FaultScope rateLimit(int requests, Integer retryAfterSeconds) {
        return add(new FaultRule(FaultKind.RATE_LIMIT, requests, method, path, retryAfterSeconds, null));
    }

    /** 503 Service Unavailable, with {@code Retry-After: retryAfterSeconds} unless that is null. */
    public FaultScope serviceUnavailable(int requests, Integer retryAfterSeconds) {
        return add(new FaultRule(FaultKind.SERVICE_UNAVAILABLE, requests, method, path, retryAfterSeconds, null));
    }

    /** Waits {@code delay} before handling the request as usual. */
    public FaultScope slow(int requests, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A delay cannot be negative: " + delay);
        }
        return add(new FaultRule(FaultKind.SLOW, requests, method, path, null, delay));
    }

    /** Closes the connection without answering. */
    public FaultScope dropConnection(int requests) {
        return add(new FaultRule(FaultKind.DROP_CONNECTION, requests, method, path, null, null));
    }

    /** Handles the request as usual (its changes happen), then answers 504 Gateway Timeout instead of its answer. */
    public FaultScope gatewayTimeoutAfterActing(int requests) {
        return add(new FaultRule(FaultKind.GATEWAY_TIMEOUT_AFTER_ACTING, requests, method, path, null, null));
    }

    /** Handles the request as usual (its changes happen), then answers 502 Bad Gateway instead of its answer. */
    public FaultScope badGatewayAfterActing(int requests) {
        return add(new FaultRule(FaultKind.BAD_GATEWAY_AFTER_ACTING, requests, method, path, null, null));
    }

    /** Handles the request as usual (its changes happen), then closes the connection without answering. */
    public FaultScope dropAfterActing(int requests) {
        return add(new FaultRule(FaultKind.DROP_AFTER_ACTING, requests, method, path, null, null));
    }

    private FaultScope add(FaultRule rule) {
        faults.add(rule);
        return this;
    }
}
