package io.deploykit.camel.core.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;

import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.error.JobTimeoutException;

/**
 * Waits for background jobs without a thread per job: each poll is a task on a shared scheduler that sends one
 * non-blocking request and schedules the next. Thousands of waiting exchanges cost a few objects each.
 */
public final class JobPoller {

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Set<CompletableFuture<?>> waiting = ConcurrentHashMap.newKeySet();

    public JobPoller(ScheduledExecutorService scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Polls {@code fetch} every {@code interval}, the first time one interval from now, until the job is finished
     * or {@code timeout} has passed. Completes with the finished resource, or fails with the job's own failure, a
     * {@link JobTimeoutException} naming the last status, or the error of a poll that failed for good.
     *
     * @param what names the job in logs and messages, such as {@code "import of configuration package PKG"}
     * @param log  where status changes are reported, at INFO
     */
    public <T> CompletableFuture<T> await(String what, Supplier<CompletableFuture<T>> fetch, JobStatus<T> status,
                                          Duration interval, Duration timeout, Logger log) {
        Objects.requireNonNull(fetch, "fetch");
        Wait<T> wait = new Wait<>(what, fetch, status, interval, clock.instant().plus(timeout), timeout, log);
        waiting.add(wait.outcome);
        wait.outcome.whenComplete((r, e) -> waiting.remove(wait.outcome));
        wait.scheduleNext();
        return wait.outcome;
    }

    /** How many jobs are being waited for now. */
    public int waitingCount() {
        return waiting.size();
    }

    /** Fails every wait under way: the component stops, the jobs go on on the server. */
    public void cancelAll() {
        for (CompletableFuture<?> outcome : waiting) {
            outcome.completeExceptionally(new DeployKitException(
                    "The component stopped while waiting for a background job; the job goes on on the server"));
        }
    }

    private final class Wait<T> {
        private final String what;
        private final Supplier<CompletableFuture<T>> fetch;
        private final JobStatus<T> status;
        private final Duration interval;
        private final Instant deadline;
        private final Duration timeout;
        private final Logger log;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private volatile String lastStatus;

        Wait(String what, Supplier<CompletableFuture<T>> fetch, JobStatus<T> status, Duration interval, Instant deadline,
             Duration timeout, Logger log) {
            this.what = what;
            this.fetch = fetch;
            this.status = status;
            this.interval = interval;
            this.deadline = deadline;
            this.timeout = timeout;
            this.log = log;
        }

        void scheduleNext() {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                outcome.completeExceptionally(new JobTimeoutException(what, lastStatus, timeout));
                return;
            }
            // the last poll is at the deadline; after it, time is up whatever it says
            boolean last = left.compareTo(interval) <= 0;
            long delay = last ? left.toMillis() : interval.toMillis();
            try {
                scheduler.schedule(() -> poll(last), delay, TimeUnit.MILLISECONDS);
            } catch (RuntimeException rejected) {
                outcome.completeExceptionally(new DeployKitException("Stopped while waiting for " + what, rejected));
            }
        }

        private void poll(boolean last) {
            if (outcome.isDone()) {
                return; // cancelled meanwhile
            }
            CompletableFuture<T> next;
            try {
                next = fetch.get();
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
                return;
            }
            next.whenComplete((resource, failure) -> {
                if (failure != null) {
                    outcome.completeExceptionally(failure);
                } else {
                    judge(resource, last);
                }
            });
        }

        private void judge(T resource, boolean last) {
            String now = status.describe(resource);
            if (!now.equals(lastStatus)) {
                log.info("{}: {}", what, now);
                lastStatus = now;
            }
            if (!status.isFinished(resource)) {
                if (last) {
                    outcome.completeExceptionally(new JobTimeoutException(what, lastStatus, timeout));
                } else {
                    scheduleNext();
                }
                return;
            }
            RuntimeException failure = status.failure(resource);
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else {
                outcome.complete(resource);
            }
        }
    }
}
