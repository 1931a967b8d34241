package io.deploykit.camel.core.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;

import io.deploykit.camel.core.error.JobTimeoutException;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.camel.core.error.OperationInterruptedException;
import io.deploykit.camel.core.observe.DeployKitStatistics;
import io.deploykit.camel.core.observe.Outcome;
import io.deploykit.camel.core.support.Failures;

/**
 * Waits for background jobs without a thread per job: each poll is a task on a shared scheduler that sends one
 * non-blocking request and schedules the next. Thousands of waiting exchanges cost a few objects each.
 * <p>
 * A wait ends only when the job reaches a final status, when its timeout has passed, or when the component stops.
 * A poll that fails (a 500, a 404 from a node that has not seen the package yet, minutes of 503s) is logged and
 * the job polled again at the next interval: the job goes on on the server whatever one answer said. Only a
 * resource reported missing by {@value #MISSING_POLLS} polls in a row ends the wait: it was deleted.
 * <p>
 * A service of the component: stopping it ends every wait under way with {@link OperationInterruptedException} (the
 * jobs go on on the server).
 */
public final class JobPoller extends ServiceSupport {

    /** Polls in a row that find the resource missing before the wait gives up on it. */
    static final int MISSING_POLLS = 3;

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Set<Wait<?>> waiting = ConcurrentHashMap.newKeySet();
    private final DeployKitStatistics statistics;

    /** @param statistics where waits in flight and the durations of ended waits are counted; null for nowhere */
    public JobPoller(ScheduledExecutorService scheduler, Clock clock, DeployKitStatistics statistics) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.statistics = statistics;
    }

    /**
     * One wait under way, for consoles.
     *
     * @param group      what the waits are grouped by, such as the company (see {@link #await(String, String, Function,
     *                   PolledJob, Duration, Duration, Logger)})
     * @param lastStatus the status the last poll read, or null before the first
     */
    public record WaitState(String what, String group, Instant startedAt, Instant deadline, String lastStatus,
                            int failedPolls) {
    }

    /**
     * Polls {@code fetch} every {@code interval}, the first time one interval from now, until the job is finished
     * or {@code timeout} has passed. Completes with the finished resource, or fails with the job's own failure or a
     * {@link JobTimeoutException} naming the last status (and the last failed poll, if the last poll failed).
     *
     * @param what  names the job in logs and messages, such as {@code "import of configuration package PKG"}
     * @param fetch reads the resource; its argument is the wait's deadline, which its retries must not outlast
     * @param log   where status changes are reported, at INFO, and failed polls, at WARN
     */
    public <T> CompletableFuture<T> await(String what, Function<Instant, CompletableFuture<T>> fetch, PolledJob<T> status,
                                          Duration interval, Duration timeout, Logger log) {
        return await(what, "", fetch, status, interval, timeout, log);
    }

    /**
     * As {@link #await(String, Function, PolledJob, Duration, Duration, Logger)}, the wait counted in {@code group}
     * (such as the company whose job it is) where consoles show the waits.
     */
    public <T> CompletableFuture<T> await(String what, String group, Function<Instant, CompletableFuture<T>> fetch,
                                          PolledJob<T> status, Duration interval, Duration timeout, Logger log) {
        Objects.requireNonNull(fetch, "fetch");
        Instant started = clock.instant();
        Wait<T> wait = new Wait<>(what, group == null ? "" : group, fetch, status, interval, started, started.plus(timeout),
                timeout, log);
        waiting.add(wait);
        if (statistics != null) {
            statistics.jobWaitStarted();
        }
        long startedNanos = System.nanoTime();
        // the caller continues from this stage, so the wait is counted before anything it does next (a future runs
        // its dependents last-registered first: the caller's would otherwise see the wait still in flight)
        CompletableFuture<T> counted = wait.outcome.whenComplete((r, e) -> {
            waiting.remove(wait);
            if (statistics != null) {
                statistics.jobWaitCompleted(Outcome.of(e), Duration.ofNanos(System.nanoTime() - startedNanos));
            }
        });
        wait.scheduleNext();
        return counted;
    }

    /** The waits under way, the oldest first. */
    public List<WaitState> waits() {
        return waiting.stream().map(Wait::state).sorted(Comparator.comparing(WaitState::startedAt)).toList();
    }

    @Override
    protected void doStop() {
        for (Wait<?> wait : waiting) {
            wait.outcome.completeExceptionally(new OperationInterruptedException("the wait for the " + wait.what));
        }
    }

    private final class Wait<T> {
        private final String what;
        private final String group;
        private final Instant started;
        private final Function<Instant, CompletableFuture<T>> fetch;
        private final PolledJob<T> status;
        private final Duration interval;
        private final Instant deadline;
        private final Duration timeout;
        private final Logger log;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private volatile String lastStatus;
        private volatile Throwable lastFailure;
        private int failedPolls;
        private int missingInARow;

        Wait(String what, String group, Function<Instant, CompletableFuture<T>> fetch, PolledJob<T> status,
             Duration interval, Instant started, Instant deadline, Duration timeout, Logger log) {
            this.what = what;
            this.group = group;
            this.started = started;
            this.fetch = fetch;
            this.status = status;
            this.interval = interval;
            this.deadline = deadline;
            this.timeout = timeout;
            this.log = log;
        }

        synchronized WaitState state() {
            return new WaitState(what, group, started, deadline, lastStatus, failedPolls);
        }

        void scheduleNext() {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                timedOut();
                return;
            }
            // the last poll is at the deadline; after it, time is up whatever it says
            boolean last = left.compareTo(interval) <= 0;
            long delay = last ? left.toMillis() : interval.toMillis();
            try {
                scheduler.schedule(() -> poll(last), delay, TimeUnit.MILLISECONDS);
            } catch (RuntimeException rejected) {
                outcome.completeExceptionally(new OperationInterruptedException("the wait for the " + what));
            }
        }

        private void poll(boolean last) {
            if (outcome.isDone()) {
                return; // interrupted meanwhile
            }
            CompletableFuture<T> next;
            try {
                next = fetch.apply(deadline);
            } catch (RuntimeException e) {
                next = CompletableFuture.failedFuture(e);
            }
            next.whenComplete((resource, failure) -> {
                if (failure != null) {
                    failedPoll(Failures.unwrap(failure), last);
                } else {
                    synchronized (this) {
                        missingInARow = 0;
                    }
                    lastFailure = null;
                    judge(resource, last);
                }
            });
        }

        private void failedPoll(Throwable failure, boolean last) {
            if (failure instanceof OperationInterruptedException interrupted) {
                outcome.completeExceptionally(interrupted);
                return;
            }
            lastFailure = failure;
            int failures;
            int missing;
            synchronized (this) {
                failures = ++failedPolls;
                missing = failure instanceof NotFoundException ? ++missingInARow : (missingInARow = 0);
            }
            if (missing >= MISSING_POLLS) {
                outcome.completeExceptionally(failure);
                return;
            }
            // every failure while they are few, then one in ten: minutes of 503s must not flood the log
            if (failures <= 3 || failures % 10 == 0) {
                log.warn("{}: reading its status failed ({} so far), polling on until {}: {}", what, failures, deadline,
                        failure.getMessage());
            }
            if (last) {
                timedOut();
            } else {
                scheduleNext();
            }
        }

        private void judge(T resource, boolean last) {
            String now = status.describe(resource);
            if (!now.equals(lastStatus)) {
                log.info("{}: {}", what, now);
                lastStatus = now;
            }
            if (!status.isFinished(resource)) {
                if (last) {
                    timedOut();
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

        private void timedOut() {
            outcome.completeExceptionally(new JobTimeoutException(what, lastStatus, timeout, lastFailure));
        }
    }
}
