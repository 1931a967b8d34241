package io.deploykit.camel.bc;

import io.deploykit.camel.bc.model.AppOperation;
import io.deploykit.camel.core.error.DeployKitException;

/** An app's install or uninstall that ended failed, canceled or skipped, with the service's errorMessage. */
public class BcAppFailedException extends DeployKitException {

    private static final long serialVersionUID = 1L;

    private final transient AppOperation operation;

    public BcAppFailedException(AppOperation operation) {
        super("The " + operation.type() + " of app " + operation.appId() + " version " + operation.targetAppVersion()
              + " (operation " + operation.id() + ") ended " + operation.status() + ": "
              + (operation.errorMessage() == null || operation.errorMessage().isBlank() ? "(no error message given)"
                      : operation.errorMessage()));
        this.operation = operation;
    }

    /** The operation as the admin center API last reported it. */
    public AppOperation getOperation() {
        return operation;
    }
}
