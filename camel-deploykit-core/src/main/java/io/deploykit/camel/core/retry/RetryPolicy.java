package io.deploykit.camel.core.retry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLException;

import org.apache.camel.util.ObjectHelper;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.utils.DateUtils;

import io.deploykit.camel.core.error.AnswerTooLargeException;

/**
 * When to send a refused request again, and how long to wait first.
 * <p>
 * What may be sent again depends on the request. An idempotent one (a read, an upload that replaces, a delete) is
 * sent again after 429, 502, 503 and 504 and after a broken connection. One that is not (a create, an action that
 * starts a job or releases a package) only where the server surely did not act: 429 and 503 (refused before any
 * work) and a connection that could not be opened. A 502, 504 or 408, or a connection broken once the request was
 * on its way, leaves it open whether the server acted: such a request is never sent blindly again (see
 * {@link #isAmbiguous(int)}).
 * <p>
 * The wait is what {@code Retry-After} asks (at most {@code maxDelay}), else an exponential back-off from
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

    /** Whether a request answered with this status may be sent again. */
    public static boolean isRetryableStatus(int status, boolean idempotent) {
        return status == 429 || status == 503 || idempotent && (status == 502 || status == 504);
    }

    /** Whether this status leaves it open whether the server acted on the request (a gateway gave up waiting). */
    public static boolean isAmbiguous(int status) {
        return status == 502 || status == 504 || status == 408;
    }

    /** Whether a request that failed without an answer may be sent again. */
    public static boolean isRetryableFailure(Throwable failure, boolean idempotent) {
        if (!(failure instanceof IOException) || failure instanceof SSLException
            || failure instanceof AnswerTooLargeException) {
            return false;
        }
        return idempotent || surelyNotSent(failure);
    }

    /** The connection could not be opened, so the request never left. */
    public static boolean surelyNotSent(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof ConnectTimeoutException
               || failure instanceof UnknownHostException || failure instanceof NoRouteToHostException;
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
        if (ObjectHelper.isEmpty(value)) {
            return null;
        }
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            Instant at = DateUtils.parseStandardDate(text);
            if (at == null) {
                return null;
            }
            Duration until = Duration.between(Instant.now(), at);
            return until.isNegative() ? Duration.ZERO : until;
        }
    }
}
