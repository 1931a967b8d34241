package io.deploykit.camel.bc;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.poll.JobStatus;

/** Where the import or the apply job of a configuration package stands, read from the package itself. */
final class PackageJob implements JobStatus<ConfigurationPackage> {

    private final boolean apply;
    private final boolean failOnRecordErrors;

    private PackageJob(boolean apply, boolean failOnRecordErrors) {
        this.apply = apply;
        this.failOnRecordErrors = failOnRecordErrors;
    }

    static PackageJob importJob() {
        return new PackageJob(false, true);
    }

    static PackageJob applyJob(boolean failOnRecordErrors) {
        return new PackageJob(true, failOnRecordErrors);
    }

    String name() {
        return apply ? "apply" : "import";
    }

    private String status(ConfigurationPackage pkg) {
        return apply ? pkg.getApplyStatus() : pkg.getImportStatus();
    }

    @Override
    public String describe(ConfigurationPackage pkg) {
        String text = name() + "Status=" + status(pkg);
        return apply && pkg.recordErrors() > 0 ? text + ", numberOfErrors=" + pkg.recordErrors() : text;
    }

    @Override
    public boolean isFinished(ConfigurationPackage pkg) {
        String status = status(pkg);
        return ConfigurationPackage.COMPLETED.equals(status) || ConfigurationPackage.ERROR.equals(status);
    }

    @Override
    public RuntimeException failure(ConfigurationPackage pkg) {
        String what = "The " + name() + " of configuration package " + pkg.getCode() + " (id " + pkg.getId() + ")";
        if (ConfigurationPackage.ERROR.equals(status(pkg))) {
            String error = apply ? pkg.getApplyError() : pkg.getImportError();
            return new BcPackageFailedException(name(), pkg, what + " ended in Error: "
                                                              + (error == null || error.isBlank() ? "(no error text given)" : error));
        }
        if (apply && failOnRecordErrors && pkg.recordErrors() > 0) {
            return new BcPackageFailedException(name(), pkg, what + " completed, but " + pkg.recordErrors()
                                                              + " records failed validation (numberOfErrors=" + pkg.recordErrors()
                                                              + "); set failOnRecordErrors=false to accept a partial apply");
        }
        return null;
    }
}
