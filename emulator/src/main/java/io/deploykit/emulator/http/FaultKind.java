package io.deploykit.emulator.http;

import java.util.Arrays;
import java.util.Locale;

/**
 * What an injected fault does to a request: most answer instead of the service; the {@link #afterActing()} kinds let
 * the service handle the request first (its state changes) and only then fail the answer, as a gateway does when
 * the service acted but the gateway gave up waiting for it.
 */
public enum FaultKind {
    /** Answers 429 Too Many Requests, with a Retry-After header when one was given. */
    RATE_LIMIT,
    /** Answers 503 Service Unavailable, with a Retry-After header when one was given. */
    SERVICE_UNAVAILABLE,
    /** Waits, then answers normally. */
    SLOW,
    /** Closes the connection without any answer. */
    DROP_CONNECTION,
    /** Handles the request, discards its answer, and answers 504 Gateway Timeout instead. */
    GATEWAY_TIMEOUT_AFTER_ACTING,
    /** Handles the request, discards its answer, and answers 502 Bad Gateway instead. */
    BAD_GATEWAY_AFTER_ACTING,
    /** Handles the request, discards its answer, and closes the connection without any answer. */
    DROP_AFTER_ACTING;

    /** Whether the request is handled as usual before the fault replaces its answer. */
    public boolean afterActing() {
        return this == GATEWAY_TIMEOUT_AFTER_ACTING || this == BAD_GATEWAY_AFTER_ACTING || this == DROP_AFTER_ACTING;
    }

    /** The kind named {@code rateLimit}, {@code RATE_LIMIT}, {@code rate-limit} and the like. */
    public static FaultKind named(String name) {
        String wanted = normalized(name);
        return Arrays.stream(values()).filter(kind -> normalized(kind.name()).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown fault kind '" + name + "', expected one of "
                                                                + Arrays.toString(values())));
    }

    private static String normalized(String name) {
        return name.replaceAll("[_\\-\\s]", "").toLowerCase(Locale.ROOT);
    }
}
