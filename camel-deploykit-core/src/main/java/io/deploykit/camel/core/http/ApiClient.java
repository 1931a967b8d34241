package io.deploykit.camel.core.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.auth.Authenticator;
import io.deploykit.camel.core.error.AmbiguousOutcomeException;
import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.error.OperationInterruptedException;
import io.deploykit.camel.core.observe.DeployKitStatistics;
import io.deploykit.camel.core.retry.RetryPolicy;

/**
 * Sends a call the way the services want to be called: with a valid token (refreshed once on 401), again after a
 * refusal or a broken connection as far as {@link RetryPolicy} allows for this kind of call, waiting on a scheduler
 * rather than in a thread, and failing with the service's own error (see {@link ErrorDecoder}) when the answer is an
 * error. A call that must not be sent twice and got no clear answer fails with {@link AmbiguousOutcomeException}.
 */
public final class ApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);

    private final HttpTransport transport;
    private final Authenticator authenticator;
    private final RetryPolicy retry;
    private final ErrorDecoder errors;
    private final ScheduledExecutorService scheduler;
    private final DeployKitStatistics statistics;
    private final ConcurrencyLimit limit;

    public ApiClient(HttpTransport transport, Authenticator authenticator, RetryPolicy retry, ErrorDecoder errors,
                     ScheduledExecutorService scheduler) {
        this(transport, authenticator, retry, errors, scheduler, null);
    }

    /** @param statistics where retries are counted by the status that caused them; null for nowhere */
    public ApiClient(HttpTransport transport, Authenticator authenticator, RetryPolicy retry, ErrorDecoder errors,
                     ScheduledExecutorService scheduler, DeployKitStatistics statistics) {
        this(transport, authenticator, retry, errors, scheduler, statistics, ConcurrencyLimit.NONE);
    }

    /** @param limit how many requests of these credentials may be on the wire at once, with every endpoint's */
    public ApiClient(HttpTransport transport, Authenticator authenticator, RetryPolicy retry, ErrorDecoder errors,
                     ScheduledExecutorService scheduler, DeployKitStatistics statistics, ConcurrencyLimit limit) {
        this.limit = limit;
        this.transport = transport;
        this.authenticator = authenticator;
        this.retry = retry;
        this.errors = errors;
        this.scheduler = scheduler;
        this.statistics = statistics;
    }

    /** Completes with a 2xx response or one of the call's accepted statuses; fails with the decoded error. */
    public CompletableFuture<HttpResult> send(HttpCall call) {
        CompletableFuture<HttpResult> outcome = new CompletableFuture<>();
        attempt(call, 1, false, outcome);
        return outcome;
    }

    private void attempt(HttpCall call, int attempt, boolean refreshed, CompletableFuture<HttpResult> outcome) {
        authenticator.authorization(transport).whenComplete((authorization, authFailure) -> {
            if (authFailure != null) {
                // the token could not be had: that is final, its own retries are spent
                outcome.completeExceptionally(unwrap(authFailure));
                return;
            }
            limit.acquire().thenRun(() -> send(call, attempt, refreshed, authorization, outcome));
        });
    }

    /** Sends the call in its turn; the turn ends with the answer, before a retry waits for its own. */
    private void send(HttpCall call, int attempt, boolean refreshed, String authorization,
                      CompletableFuture<HttpResult> outcome) {
        CompletableFuture<HttpResult> sent;
        try {
            sent = transport.send(call, authorization);
        } catch (RuntimeException e) {
            limit.release();
            // never sent: the transport is closed or refuses the request outright
            outcome.completeExceptionally(transport.isClosed() ? new OperationInterruptedException(call.describe())
                    : new DeployKitException(call.describe() + " could not be sent: " + e.getMessage(), e));
            return;
        }
        sent.whenComplete((result, failure) -> {
            limit.release();
            if (failure != null) {
                onFailure(call, attempt, refreshed, unwrap(failure), outcome);
            } else {
                onResponse(call, attempt, refreshed, authorization, result, outcome);
            }
        });
    }

    private void onResponse(HttpCall call, int attempt, boolean refreshed, String authorization, HttpResult result,
                            CompletableFuture<HttpResult> outcome) {
        int status = result.status();
        if (result.isSuccess() || call.accepted().contains(status)) {
            outcome.complete(result);
            return;
        }
        if (status == 401 && !refreshed && authorization != null && authenticator.invalidate(authorization)) {
            LOG.debug("{} answered 401: fetching a new token and sending it once more", call.describe());
            attempt(call, attempt, true, outcome);
            return;
        }
        if (RetryPolicy.isRetryableStatus(status, call.idempotent())) {
            Optional<Duration> delay = delayBefore(call, attempt, result.header("Retry-After"));
            if (delay.isPresent()) {
                LOG.warn("{} answered HTTP {}; sending it again in {} ms (retry {} of {})", call.describe(), status,
                        delay.get().toMillis(), attempt, retry.maxRetries());
                retried(String.valueOf(status));
                later(delay.get(), call, () -> attempt(call, attempt + 1, refreshed, outcome), outcome);
                return;
            }
        }
        RuntimeException error = errors.decode(call, result);
        if (!call.idempotent() && RetryPolicy.isAmbiguous(status)) {
            outcome.completeExceptionally(new AmbiguousOutcomeException(call.describe() + " answered HTTP " + status
                    + ": the server may have acted on it, so it was not sent again (" + error.getMessage() + ")", error));
            return;
        }
        outcome.completeExceptionally(error);
    }

    private void onFailure(HttpCall call, int attempt, boolean refreshed, Throwable failure,
                           CompletableFuture<HttpResult> outcome) {
        if (transport.isClosed()) {
            outcome.completeExceptionally(new OperationInterruptedException(call.describe()));
            return;
        }
        if (RetryPolicy.isRetryableFailure(failure, call.idempotent())) {
            Optional<Duration> delay = delayBefore(call, attempt, null);
            if (delay.isPresent()) {
                LOG.warn("{} failed ({}); sending it again in {} ms (retry {} of {})", call.describe(), failure,
                        delay.get().toMillis(), attempt, retry.maxRetries());
                retried("io");
                later(delay.get(), call, () -> attempt(call, attempt + 1, refreshed, outcome), outcome);
                return;
            }
        }
        String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (!call.idempotent() && !RetryPolicy.surelyNotSent(failure) && failure instanceof java.io.IOException) {
            outcome.completeExceptionally(new AmbiguousOutcomeException(call.describe() + " failed after it was sent ("
                    + why + "): the server may have acted on it, so it was not sent again", failure));
            return;
        }
        outcome.completeExceptionally(new DeployKitException(call.describe() + " failed: " + why, failure));
    }

    private void retried(String reason) {
        if (statistics != null) {
            statistics.retried(reason);
        }
    }

    /** The policy's wait, unless the retry would start after the call's deadline. */
    private Optional<Duration> delayBefore(HttpCall call, int attempt, String retryAfter) {
        Optional<Duration> delay = retry.delayBefore(attempt, retryAfter);
        if (delay.isPresent() && call.deadline() != null && Instant.now().plus(delay.get()).isAfter(call.deadline())) {
            LOG.debug("{}: no retry, it would start after the call's deadline {}", call.describe(), call.deadline());
            return Optional.empty();
        }
        return delay;
    }

    private void later(Duration delay, HttpCall call, Runnable task, CompletableFuture<HttpResult> outcome) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            outcome.completeExceptionally(new OperationInterruptedException(call.describe()));
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
