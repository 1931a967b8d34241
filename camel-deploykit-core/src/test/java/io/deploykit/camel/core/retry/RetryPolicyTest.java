package io.deploykit.camel.core.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void honoursRetryAfterSecondsUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(1), policy.delayBefore(1, "1").orElseThrow());
        assertEquals(Duration.ofSeconds(2), policy.delayBefore(1, "120").orElseThrow());
    }

    @Test
    void honoursRetryAfterAsHttpDate() {
        String inOneSecond = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        Duration delay = policy.delayBefore(1, inOneSecond).orElseThrow();
        assertTrue(delay.compareTo(Duration.ZERO) >= 0 && delay.compareTo(Duration.ofSeconds(2)) <= 0, delay::toString);
    }

    @Test
    void backsOffExponentiallyWithJitterWhenNoRetryAfter() {
        for (int i = 0; i < 50; i++) {
            long first = policy.delayBefore(1, null).orElseThrow().toMillis();
            long third = policy.delayBefore(3, "not a number").orElseThrow().toMillis();
            assertTrue(first >= 50 && first <= 100, "first retry waits 50..100 ms, was " + first);
            assertTrue(third >= 200 && third <= 400, "third retry waits 200..400 ms, was " + third);
        }
    }

    @Test
    void stopsAfterMaxRetries() {
        assertTrue(policy.delayBefore(3, null).isPresent());
        assertFalse(policy.delayBefore(4, "1").isPresent());
        assertFalse(new RetryPolicy(0, Duration.ZERO, Duration.ZERO).delayBefore(1, null).isPresent());
    }

    @Test
    void retriesOnlyTheStatusesThatMeanTryAgain() {
        for (int status : new int[] { 429, 502, 503, 504 }) {
            assertTrue(RetryPolicy.isRetryableStatus(status, true), "retry " + status);
        }
        for (int status : new int[] { 400, 401, 404, 408, 409, 413, 500 }) {
            assertFalse(RetryPolicy.isRetryableStatus(status, true), "no retry " + status);
        }
    }

    @Test
    void aRequestThatMustNotRepeatIsRetriedOnlyWhereTheServerSurelyDidNotAct() {
        assertTrue(RetryPolicy.isRetryableStatus(429, false));
        assertTrue(RetryPolicy.isRetryableStatus(503, false));
        for (int status : new int[] { 408, 502, 504 }) {
            assertFalse(RetryPolicy.isRetryableStatus(status, false), "no retry " + status);
            assertTrue(RetryPolicy.isAmbiguous(status), "ambiguous " + status);
        }
        assertTrue(RetryPolicy.isRetryableFailure(new java.net.ConnectException("refused"), false));
        assertFalse(RetryPolicy.isRetryableFailure(new java.net.SocketException("Connection reset"), false));
        assertFalse(RetryPolicy.isRetryableFailure(new java.net.SocketTimeoutException("read timed out"), false));
        assertTrue(RetryPolicy.isRetryableFailure(new java.net.SocketException("Connection reset"), true));
        assertFalse(RetryPolicy.isRetryableFailure(new javax.net.ssl.SSLHandshakeException("untrusted"), true));
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertEquals(Duration.ofSeconds(7), RetryPolicy.parseRetryAfter("7"));
        assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        String inAMinute = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(60));
        Duration wait = RetryPolicy.parseRetryAfter(inAMinute);
        assertTrue(wait.compareTo(Duration.ofSeconds(55)) > 0 && wait.compareTo(Duration.ofSeconds(61)) <= 0, wait.toString());
        assertNull(RetryPolicy.parseRetryAfter("soon"));
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertNull(RetryPolicy.parseRetryAfter("-5"));
    }
}
