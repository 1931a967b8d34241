package io.deploykit.camel.core.poll;

/**
 * How a polled resource tells where its background job stands. Each component implements it for its
 * resource (a configuration package's import or apply, an extension package's processing).
 */
public interface PolledJob<T> {

    /** The status in words for logs and timeout messages, such as {@code importStatus=InProgress}. */
    String describe(T resource);

    boolean isFinished(T resource);

    /** Called on a finished resource: the exception to fail with, or null when the job succeeded. */
    RuntimeException failure(T resource);
}
