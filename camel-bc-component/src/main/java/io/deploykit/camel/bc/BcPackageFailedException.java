package io.deploykit.camel.bc;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.error.DeployKitException;

/**
 * An import or apply job of a configuration package ended in {@code Error}, or an apply completed with records
 * that failed validation. Carries the package as last read, with importError, applyError and numberOfErrors.
 */
public class BcPackageFailedException extends DeployKitException {

    private static final long serialVersionUID = 1L;

    private final transient ConfigurationPackage configurationPackage;
    private final String job;

    public BcPackageFailedException(String job, ConfigurationPackage configurationPackage, String message) {
        super(message);
        this.job = job;
        this.configurationPackage = configurationPackage;
    }

    /** {@code import} or {@code apply}. */
    public String getJob() {
        return job;
    }

    public ConfigurationPackage getConfigurationPackage() {
        return configurationPackage;
    }

    public String getImportError() {
        return configurationPackage.getImportError();
    }

    public String getApplyError() {
        return configurationPackage.getApplyError();
    }

    public int getNumberOfErrors() {
        return configurationPackage.recordErrors();
    }
}
