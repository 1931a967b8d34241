package io.deploykit.camel.reactor;

import io.deploykit.camel.core.poll.PolledJob;
import io.deploykit.camel.reactor.model.ExtensionPackage;

/** Where Adobe's processing of an uploaded package stands: pending, then succeeded or failed. */
final class ExtensionPackageProcessing implements PolledJob<ExtensionPackage> {

    static final ExtensionPackageProcessing INSTANCE = new ExtensionPackageProcessing();

    private ExtensionPackageProcessing() {
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
