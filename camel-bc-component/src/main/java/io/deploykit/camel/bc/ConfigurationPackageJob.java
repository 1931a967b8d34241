package io.deploykit.camel.bc;

import org.apache.camel.util.ObjectHelper;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.poll.PolledJob;

/** Where the import or the apply job of a configuration package stands, read from the package itself. */
final class ConfigurationPackageJob implements PolledJob<ConfigurationPackage> {

    /** The two background jobs of a configuration package, by the name the API gives them. */
    enum Kind {
        IMPORT("import"), APPLY("apply");

        private final String apiName;

        Kind(String apiName) {
            this.apiName = apiName;
        }
    }

    private final Kind kind;
    private final boolean failOnRecordErrors;

    private ConfigurationPackageJob(Kind kind, boolean failOnRecordErrors) {
        this.kind = kind;
        this.failOnRecordErrors = failOnRecordErrors;
    }

    static ConfigurationPackageJob importJob() {
        return new ConfigurationPackageJob(Kind.IMPORT, true);
    }

    static ConfigurationPackageJob applyJob(boolean failOnRecordErrors) {
        return new ConfigurationPackageJob(Kind.APPLY, failOnRecordErrors);
    }

    boolean isApply() {
        return kind == Kind.APPLY;
    }

    /** The job as the API names it: import or apply. */
    String name() {
        return kind.apiName;
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
                                                             + (ObjectHelper.isEmpty(error) ? "(no error text given)" : error));
        }
        if (isApply() && failOnRecordErrors && pkg.recordErrors() > 0) {
            return new BcPackageFailedException(name(), pkg, what + " completed, but " + pkg.recordErrors()
                                                             + " records failed validation (numberOfErrors="
                                                             + pkg.recordErrors()
                                                             + "); set failOnRecordErrors=false to accept a partial apply");
        }
        return null;
    }
}
