package io.deploykit.emulator.bc;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import io.deploykit.emulator.bc.packages.BackgroundJobs;
import io.deploykit.emulator.http.Faults;
import io.deploykit.emulator.http.TokenIssuer;

/**
 * The faults of the Business Central emulator: those of every emulator (HTTP errors, slow answers, dropped
 * connections, expired tokens) and the package jobs' own: jobs that stay {@code Scheduled} (all, or a package's),
 * and applies that end with record errors or fail. Package outcomes hold until changed or {@link #clear() cleared}.
 */
public final class BcFaults extends Faults {

    private final BackgroundJobs jobs;
    private final Supplier<Duration> operationTimeout;

    BcFaults(TokenIssuer tokens, String apiPathRegex, BackgroundJobs jobs, Supplier<Duration> operationTimeout) {
        super(tokens, apiPathRegex);
        this.jobs = jobs;
        this.operationTimeout = operationTimeout;
    }

    /**
     * The next {@code requests} API requests take longer than the operation timeout (8 minutes unless the builder
     * or {@link BcEmulator#setLimits} made it shorter): each is answered 408 Request Timeout once the timeout has
     * passed, without being processed. The same as {@link #slow} with a delay beyond the timeout.
     */
    public BcFaults operationTimeout(int requests) {
        slow(requests, operationTimeout.get().plusSeconds(1));
        return this;
    }

    /**
     * While true, import and apply jobs stay {@code Scheduled}, as when Business Central's job queue is off; set
     * false, the waiting jobs move on.
     */
    public BcFaults stickJobs(boolean stuck) {
        jobs.stick(stuck);
        return this;
    }

    /**
     * While true, the import and apply jobs of the package with this code (compared ignoring case) stay
     * {@code Scheduled}, while other packages' jobs move on; set false, its waiting jobs move on.
     */
    public BcFaults stickJobsOf(String packageCode, boolean stuck) {
        jobs.stick(Objects.requireNonNull(packageCode, "packageCode"), stuck);
        return this;
    }

    /**
     * Applying the package with this code completes with {@code numberOfErrors = recordErrors} (records that failed
     * validation); 0 restores a clean apply.
     */
    public BcFaults applyRecordErrors(String packageCode, int recordErrors) {
        jobs.applyRecordErrors(packageCode, recordErrors);
        return this;
    }

    /** Applying the package with this code ends in {@code Error} with this applyError; null restores success. */
    public BcFaults applyFailure(String packageCode, String applyError) {
        jobs.applyFailure(packageCode, applyError);
        return this;
    }

    /** Removes the pending HTTP faults, lets stuck jobs (all, and each package's) move on, forgets the outcomes. */
    @Override
    public void clear() {
        super.clear();
        jobs.reset();
    }
}
