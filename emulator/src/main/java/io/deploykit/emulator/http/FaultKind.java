package io.deploykit.emulator.http;

import java.util.Arrays;
import java.util.Locale;

/** What an injected fault does to a request. */
public enum FaultKind {
    /** Answers 429 Too Many Requests, with a Retry-After header when one was given. */
    RATE_LIMIT,
    /** Answers 503 Service Unavailable, with a Retry-After header when one was given. */
    SERVICE_UNAVAILABLE,
    /** Waits, then answers normally. */
    SLOW,
    /** Closes the connection without any answer. */
    DROP_CONNECTION;

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
