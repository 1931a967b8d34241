package io.deploykit.camel.core.observe;

import java.time.Duration;

/**
 * Told what a DeployKit component does, as it happens: the hook for metrics (the Spring Boot module adapts it to
 * Micrometer) without a dependency of the components on any metrics library. A component starting finds every
 * listener bound in the Camel registry (a Spring bean, or one bound by hand) and adds it to its
 * {@link DeployKitStatistics}.
 * <p>
 * Methods are called on the threads doing the work (HTTP I/O threads among them): they must return quickly and
 * never block. Every method has an empty default.
 */
public interface DeployKitListener {

    /** A component started; {@code statistics} gives its figures, such as the waits in flight, for gauges. */
    default void componentStarted(DeployKitStatistics statistics) {
    }

    /** A component stopped: gauges bound to its statistics should be removed. */
    default void componentStopped(DeployKitStatistics statistics) {
    }

    /**
     * An exchange's operation completed.
     *
     * @param operation the resource and operation, such as {@code configurationPackage.deploy}
     */
    default void operationCompleted(String component, String operation, Outcome outcome, Duration duration) {
    }

    /** An operation that deploys a file (deploy, upload, picture update, extension create/update) completed. */
    default void deployCompleted(String component, String operation, Outcome outcome, Duration duration) {
    }

    /** A wait for a background job (import, apply, processing) ended. */
    default void jobWaitCompleted(String component, Outcome outcome, Duration duration) {
    }

    /**
     * A request is sent again.
     *
     * @param reason the HTTP status that refused it, such as {@code 429}, or {@code io} for a broken connection
     */
    default void retried(String component, String reason) {
    }

    /** A token was asked of the token endpoint; {@link Outcome#FAILURE} when none was had (after its retries). */
    default void tokenFetched(String component, Outcome outcome) {
    }

    /** Bytes of an upload's body went onto the wire (counted again when a retry sends them again). */
    default void bytesUploaded(String component, long bytes) {
    }
}
