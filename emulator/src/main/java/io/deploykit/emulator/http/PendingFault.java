package io.deploykit.emulator.http;

import java.time.Duration;

/**
 * A fault still waiting for requests to hit.
 *
 * @param method            the HTTP method it hits, or {@code *} for any
 * @param pathRegex         the regular expression the whole request path must match
 * @param remaining         how many more requests it will hit
 * @param retryAfterSeconds the Retry-After of a 429 or 503, or null for none
 * @param delay             how long a {@link FaultKind#SLOW slow} fault waits, or null
 */
public record PendingFault(FaultKind kind, String method, String pathRegex, int remaining, Integer retryAfterSeconds,
                           Duration delay) {
}
