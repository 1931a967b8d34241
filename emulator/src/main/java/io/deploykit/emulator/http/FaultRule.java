package io.deploykit.emulator.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** A pending fault: which requests it hits, what it does, and how many more requests it will hit. */
final class FaultRule {

    final FaultKind kind;
    final Integer retryAfterSeconds;
    final Duration delay;
    private final String method;
    private final Pattern path;
    private final AtomicInteger remaining;

    FaultRule(FaultKind kind, int requests, String method, Pattern path, Integer retryAfterSeconds, Duration delay) {
        if (requests < 1) {
            throw new IllegalArgumentException("A fault must hit at least one request, not " + requests);
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Retry-After cannot be negative: " + retryAfterSeconds);
        }
        this.kind = kind;
        this.remaining = new AtomicInteger(requests);
        this.method = method;
        this.path = path;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delay = delay;
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches();
    }

    /** Takes one of the remaining hits; false when another request took the last one first. */
    boolean consume() {
        int left;
        do {
            left = remaining.get();
            if (left == 0) {
                return false;
            }
        } while (!remaining.compareAndSet(left, left - 1));
        return true;
    }

    boolean exhausted() {
        return remaining.get() == 0;
    }

    PendingFault describe() {
        return new PendingFault(kind, method == null ? "*" : method, path.pattern(), remaining.get(), retryAfterSeconds,
                delay);
    }
}
