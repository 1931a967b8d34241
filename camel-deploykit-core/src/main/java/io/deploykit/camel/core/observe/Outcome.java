package io.deploykit.camel.core.observe;

import java.util.Locale;

import io.deploykit.camel.core.error.JobTimeoutException;
import io.deploykit.camel.core.error.OperationInterruptedException;
import io.deploykit.camel.core.support.Failures;

/** How an operation, a deploy or a wait for a job ended; {@link #label()} is its name in metrics and consoles. */
public enum Outcome {
    SUCCESS,
    FAILURE,
    /** The component stopped while it was under way: the work goes on on the server. */
    INTERRUPTED,
    /** A wait for a job that ran out of time. */
    TIMEOUT;

    /** The outcome of a future that completed with this failure, or {@link #SUCCESS} for none. */
    public static Outcome of(Throwable failure) {
        if (failure == null) {
            return SUCCESS;
        }
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof OperationInterruptedException) {
            return INTERRUPTED;
        }
        return cause instanceof JobTimeoutException ? TIMEOUT : FAILURE;
    }

    /** Lower case, as in metric tags: {@code success}, {@code failure} ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
