package io.deploykit.emulator.bc;

import io.deploykit.emulator.http.Faults;
import io.deploykit.emulator.http.TokenIssuer;

/**
 * The faults of the Business Central emulator: those of every emulator (HTTP errors, slow answers, dropped
 * connections, expired tokens) and the package jobs' own: jobs that stay {@code Scheduled}, and applies that end
 * with record errors or fail. Package outcomes hold until changed or {@link #clear() cleared}.
 */
public final class BcFaults extends Faults {

    private final PackageJobs jobs;

    BcFaults(TokenIssuer tokens, String apiPathRegex, PackageJobs jobs) {
        super(tokens, apiPathRegex);
        this.jobs = jobs;
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

    /** Removes the pending HTTP faults, lets stuck jobs move on and forgets the package outcomes. */
    @Override
    public void clear() {
        super.clear();
        jobs.reset();
    }
}
