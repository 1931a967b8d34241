package io.deploykit.camel.bc;

import io.deploykit.camel.bc.model.AppOperation;
import io.deploykit.camel.core.poll.PolledJob;

/**
 * Where an app's install stands, read from its operation. Finished once it left {@code scheduled}/{@code running};
 * for a deferred schedule (the update window, the next update), {@code scheduled} is the outcome to wait for.
 */
final class AppOperationJob implements PolledJob<AppOperation> {

    private final boolean deferred;

    AppOperationJob(boolean deferred) {
        this.deferred = deferred;
    }

    @Override
    public String describe(AppOperation operation) {
        return "status=" + operation.status();
    }

    @Override
    public boolean isFinished(AppOperation operation) {
        return !operation.is("running") && (deferred || !operation.is("scheduled"));
    }

    @Override
    public RuntimeException failure(AppOperation operation) {
        if (operation.is("succeeded") || deferred && operation.is("scheduled")) {
            return null;
        }
        return new BcAppFailedException(operation);
    }
}
