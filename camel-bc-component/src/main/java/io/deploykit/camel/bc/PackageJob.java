package io.deploykit.camel.bc;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.poll.JobStatus;

/** Where the import or the apply job of a configuration package stands, read from the package itself. */
final class PackageJob implements JobStatus<ConfigurationPackage> {

    /** The two background jobs of a configuration package. */
    enum Kind {
        IMPORT, APPLY
    }

    private final Kind kind;
    private final boolean failOnRecordErrors;

    private PackageJob(Kind kind, boolean failOnRecordErrors) {
        this.kind = kind;
        this.failOnRecordErrors = failOnRecordErrors;
    }

    static PackageJob importJob() {
        return new PackageJob(Kind.IMPORT, true);
    }

    static PackageJob applyJob(boolean failOnRecordErrors) {
        return new PackageJob(Kind.APPLY, failOnRecordErrors);
    }

    boolean isApply() {
        return kind == Kind.APPLY;
    }

    String name() {
        return isApply() ? "apply" : "import";
    }

    String status(ConfigurationPackage pkg) {
        return isApply() ? pkg.getApplyStatus() : pkg.getImportStatus();
    }

    /** Whether the job was started: its status left {@code No} (a request to start it took effect). */
    boolean hasStarted(ConfigurationPackage pkg) {
        String status = status(pkg);
        return status != null && !ConfigurationPackage.NO.equals(status);
    }

    @Override
    public String describe(ConfigurationPackage pkg) {
        String text = name() + "Status=" + status(pkg);
        return isApply() && pkg.recordErrors() > 0 ? text + ", numberOfErrors=" + pkg.recordErrors() : text;
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
            String error = isApply() ? pkg.getApplyError() : pkg.getImportError();
            return new BcPackageFailedException(name(), pkg, what + " ended in Error: "
                                                              + (error == null || error.isBlank() ? "(no error text given)" : error));
        }
        if (isApply() && failOnRecordErrors && pkg.recordErrors() > 0) {
            return new BcPackageFailedException(name(), pkg, what + " completed, but " + pkg.recordErrors()
                                                              + " records failed validation (numberOfErrors=" + pkg.recordErrors()
                                                              + "); set failOnRecordErrors=false to accept a partial apply");
        }
        return null;
    }
}
