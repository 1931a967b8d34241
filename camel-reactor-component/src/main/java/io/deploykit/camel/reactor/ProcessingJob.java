package io.deploykit.camel.reactor;

import io.deploykit.camel.core.poll.JobStatus;
import io.deploykit.camel.reactor.model.ExtensionPackage;

/** Where Adobe's processing of an uploaded package stands: pending, then succeeded or failed. */
final class ProcessingJob implements JobStatus<ExtensionPackage> {

    static final ProcessingJob INSTANCE = new ProcessingJob();

    private ProcessingJob() {
    }

    @Override
    public String describe(ExtensionPackage pkg) {
        return "status=" + pkg.getStatus();
    }

    @Override
    public boolean isFinished(ExtensionPackage pkg) {
        return ExtensionPackage.SUCCEEDED.equals(pkg.getStatus()) || ExtensionPackage.FAILED.equals(pkg.getStatus());
    }

    @Override
    public RuntimeException failure(ExtensionPackage pkg) {
        return ExtensionPackage.FAILED.equals(pkg.getStatus()) ? new ReactorPackageFailedException(pkg) : null;
    }
}
