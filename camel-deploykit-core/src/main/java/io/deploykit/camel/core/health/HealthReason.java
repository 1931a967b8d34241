package io.deploykit.camel.core.health;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import org.apache.camel.util.ObjectHelper;

import io.deploykit.camel.core.error.ApiException;
import io.deploykit.camel.core.error.AuthenticationException;
import io.deploykit.camel.core.support.Failures;

/**
 * Why a health probe failed, in one line that names the cause an operator acts on: the token endpoint's refusal
 * ({@code invalid_client}, a tenant not found), TLS, a timeout, an unreachable host, or the service's HTTP status and
 * error code. Built from the exceptions' messages, which never hold a secret or a token.
 *
 * @param statusCode the HTTP status the service or token endpoint answered, or null
 * @param errorCode  the service's own error code (such as {@code invalid_client}), or null
 */
public record HealthReason(String text, Integer statusCode, String errorCode) {

    /** The reason of a probe that failed with {@code failure}. */
    public static HealthReason of(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof AuthenticationException refused) {
            return new HealthReason("no token: the token endpoint answered HTTP " + refused.getStatusCode()
                                    + code(refused.getErrorCode()) + text(refused.getErrorMessage()),
                    refused.getStatusCode(), refused.getErrorCode());
        }
        if (cause instanceof ApiException answered) {
            return new HealthReason("the service answered HTTP " + answered.getStatusCode() + code(answered.getErrorCode())
                                    + text(answered.getErrorMessage()), answered.getStatusCode(), answered.getErrorCode());
        }
        Throwable tls = find(cause, SSLException.class);
        if (tls != null) {
            return new HealthReason("TLS: " + message(tls), null, null);
        }
        Throwable timeout = find(cause, SocketTimeoutException.class);
        if (timeout == null) {
            timeout = find(cause, TimeoutException.class);
        }
        if (timeout == null && find(cause, InterruptedIOException.class) instanceof InterruptedIOException io
            && io.getMessage() != null && io.getMessage().toLowerCase(Locale.ROOT).matches(".*(timeout|timed out).*")) {
            timeout = io; // HttpClient's connect timeout is an InterruptedIOException of its own
        }
        if (timeout != null) {
            return new HealthReason("timeout: " + message(timeout), null, null);
        }
        Throwable unknownHost = find(cause, UnknownHostException.class);
        if (unknownHost != null) {
            return new HealthReason("unknown host: " + message(unknownHost), null, null);
        }
        Throwable unreachable = find(cause, ConnectException.class);
        if (unreachable == null) {
            unreachable = find(cause, NoRouteToHostException.class);
        }
        if (unreachable != null) {
            return new HealthReason("unreachable: " + message(unreachable) + " (" + message(cause) + ")", null, null);
        }
        return new HealthReason(message(cause), null, null);
    }

    private static String code(String errorCode) {
        return ObjectHelper.isEmpty(errorCode) ? "" : " " + errorCode;
    }

    private static String text(String message) {
        return ObjectHelper.isEmpty(message) ? "" : ": " + message;
    }

    private static String message(Throwable failure) {
        return Failures.message(failure);
    }

    /** The failure or its first cause of this type, or null. */
    private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
        return ObjectHelper.getException(type, failure);
    }
}
