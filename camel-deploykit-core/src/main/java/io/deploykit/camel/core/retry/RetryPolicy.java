package io.deploykit.camel.core.retry;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to send a refused request again: on 429, 502, 503 and 504, and on a broken connection of an idempotent
 * request. Waits what {@code Retry-After} asks (at most {@code maxDelay}), else backs off exponentially from
 * {@code initialDelay} with jitter, so that many clients refused at once do not return at once.
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry delays must satisfy 0 <= retryDelay <= maxRetryDelay, were "
                                               + initialDelay + " and " + maxDelay);
        }
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    public static boolean isRetryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first), or empty when no retry is left.
     *
     * @param retryAfter the response's Retry-After header, or null
     */
    public Optional<Duration> delayBefore(int retry, String retryAfter) {
        if (retry > maxRetries) {
            return Optional.empty();
        }
        Duration asked = parseRetryAfter(retryAfter);
        if (asked != null) {
            return Optional.of(asked.compareTo(maxDelay) > 0 ? maxDelay : asked);
        }
        long base = initialDelay.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Optional.of(Duration.ofMillis(jittered));
    }

    /** Retry-After is either delta-seconds or an HTTP date; anything else is ignored. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
