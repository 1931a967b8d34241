package io.deploykit.camel.core.error;

import java.time.Duration;

/**
 * A background job did not finish within the configured timeout. The job goes on on the server: the
 * message names the resource and the last status seen so a route can resume waiting later.
 */
public class JobTimeoutException extends DeployKitException {

    private static final long serialVersionUID = 1L;

    private final String lastStatus;
    private final Duration timeout;

    public JobTimeoutException(String what, String lastStatus, Duration timeout) {
        this(what, lastStatus, timeout, null);
    }

    /** @param lastFailure why the last poll failed, when it did; null when it read a status */
    public JobTimeoutException(String what, String lastStatus, Duration timeout, Throwable lastFailure) {
        super("Timed out after " + timeout + " waiting for " + what + "; last status seen: "
              + (lastStatus == null ? "none (no status could be read)" : lastStatus)
              + (lastFailure == null ? "" : "; the last poll failed: " + lastFailure.getMessage()), lastFailure);
        this.lastStatus = lastStatus;
        this.timeout = timeout;
    }

    public String getLastStatus() {
        return lastStatus;
    }

    public Duration getTimeout() {
        return timeout;
    }
}
