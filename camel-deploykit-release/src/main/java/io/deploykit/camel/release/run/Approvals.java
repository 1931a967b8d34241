package io.deploykit.camel.release.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.journal.DeployJournal;

/**
 * The gates of waves: a gated wave waits until it is approved ({@link #approve}, from a route, an API or the
 * deployments page) or until its timeout, counted from the first time any instance waited for it. Both the approval
 * and the start of the wait are kept in the journal, so they hold across restarts and instances; the wait polls the
 * journal on the scheduler, holding no thread.
 */
public final class Approvals {

    private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);

    /** The journal steps of a gate; never renamed, as journals keep them. */
    enum Gate {
        waiting,
        approved,
        rejected,
        /** Not approved in time: kept, so that nothing (a page, another instance) takes the gate for waiting still. */
        timedOut
    }

    private final DeployJournal journal;
    private final ScheduledExecutorService scheduler;
    private final Duration pollInterval;
    private final Clock clock;

    public Approvals(DeployJournal journal, ScheduledExecutorService scheduler, Duration pollInterval, Clock clock) {
        this.journal = journal;
        this.scheduler = scheduler;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /** Records the wave approved; waits for it end within a poll interval. */
    public CompletableFuture<Void> approve(String releaseId, String wave, String approvedBy) {
        LOG.info("Release {}: wave {} approved by {}", releaseId, wave, approvedBy);
        return entry(releaseId, wave).recordAsync(Gate.approved, approvedBy, null).thenApply(recorded -> null);
    }

    /** Records the wave rejected: its wait fails with {@link ApprovalRejectedException} within a poll interval. */
    public CompletableFuture<Void> reject(String releaseId, String wave, String rejectedBy) {
        LOG.warn("Release {}: wave {} rejected by {}", releaseId, wave, rejectedBy);
        return entry(releaseId, wave).recordAsync(Gate.rejected, rejectedBy, null).thenApply(recorded -> null);
    }

    /**
     * Completes once the wave is approved; fails with {@link ApprovalRejectedException} once it is rejected, with
     * {@link ApprovalTimeoutException} after the timeout.
     */
    CompletableFuture<Void> await(String releaseId, String wave, Duration timeout) {
        DeployJournal.Entry entry = entry(releaseId, wave);
        return entry.lastAsync().thenCompose(last -> {
            if (last.isPresent() && last.get().is(Gate.approved)) {
                return CompletableFuture.completedFuture(null);
            }
            if (last.isPresent() && !last.get().is(Gate.waiting)) { // rejected or timed out before: this run waits anew
                return entry.recordAsync(Gate.waiting, null, null).thenCompose(recorded -> poll(releaseId, wave, entry,
                        clock.instant().plus(timeout)));
            }
            if (last.isPresent()) {
                return poll(releaseId, wave, entry, last.get().at().plus(timeout));
            }
            Instant deadline = clock.instant().plus(timeout);
            LOG.warn("Release {}: wave {} waits for its approval until {} (approve it through release:approve with"
                     + " headers CamelReleaseId={} and CamelReleaseWave={})", releaseId, wave, deadline, releaseId, wave);
            return entry.recordAsync(Gate.waiting, null, null).thenCompose(recorded -> poll(releaseId, wave, entry,
                    deadline));
        });
    }

    private CompletableFuture<Void> poll(String releaseId, String wave, DeployJournal.Entry entry, Instant deadline) {
        CompletableFuture<Void> approved = new CompletableFuture<>();
        check(releaseId, wave, entry, deadline, approved);
        return approved;
    }

    private void check(String releaseId, String wave, DeployJournal.Entry entry, Instant deadline,
                       CompletableFuture<Void> approved) {
        entry.lastAsync().whenComplete((last, failure) -> {
            if (failure == null && last.isPresent() && last.get().is(Gate.approved)) {
                approved.complete(null);
            } else if (failure == null && last.isPresent() && last.get().is(Gate.rejected)) {
                approved.completeExceptionally(new ApprovalRejectedException("wave " + wave + " of release " + releaseId
                        + " was rejected by " + last.get().resourceId() + " at " + last.get().at()));
            } else if (!clock.instant().isBefore(deadline)) {
                ApprovalTimeoutException timeout = new ApprovalTimeoutException("wave " + wave + " of release "
                        + releaseId + " was not approved by " + deadline);
                entry.recordAsync(Gate.timedOut, null, null)
                        .whenComplete((recorded, notRecorded) -> approved.completeExceptionally(timeout));
            } else {
                long delay = Math.min(pollInterval.toMillis(), Math.max(1, Duration.between(clock.instant(), deadline)
                        .toMillis()));
                try {
                    scheduler.schedule(() -> check(releaseId, wave, entry, deadline, approved), delay,
                            TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopped) {
                    approved.completeExceptionally(new DeployKitException("Release " + releaseId + " stopped while wave "
                                                                          + wave + " waited for its approval", stopped));
                }
            }
        });
    }

    private DeployJournal.Entry entry(String releaseId, String wave) {
        return journal.entry(ReleaseRecords.GATE, ReleaseRecords.gateKey(releaseId, wave));
    }

    /** A gated wave rejected by someone: it does not run, nor do the waves after it. */
    public static class ApprovalRejectedException extends DeployKitException {
        private static final long serialVersionUID = 1L;

        ApprovalRejectedException(String message) {
            super(message);
        }
    }

    /** A gated wave not approved within its timeout: it does not run, nor do the waves after it. */
    public static class ApprovalTimeoutException extends DeployKitException {
        private static final long serialVersionUID = 1L;

        ApprovalTimeoutException(String message) {
            super(message);
        }
    }
}
