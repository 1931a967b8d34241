package io.deploykit.camel.reactor;

import java.util.List;
import java.util.stream.Collectors;

import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.reactor.model.ExtensionPackage;
import io.deploykit.camel.reactor.model.ReactorError;

/** Adobe could not process an extension package: every error of its {@code meta.status_details} is carried. */
public class ReactorPackageFailedException extends DeployKitException {

    private static final long serialVersionUID = 1L;

    private final transient ExtensionPackage extensionPackage;

    public ReactorPackageFailedException(ExtensionPackage extensionPackage) {
        super("Processing of extension package " + extensionPackage.getName() + " " + extensionPackage.getVersion()
              + " (id " + extensionPackage.getId() + ") failed: " + describe(extensionPackage.errors()));
        this.extensionPackage = extensionPackage;
    }

    private static String describe(List<ReactorError> errors) {
        return errors.isEmpty() ? "no error details were given"
                : errors.stream().map(ReactorError::summary).collect(Collectors.joining("; "));
    }

    public ExtensionPackage getExtensionPackage() {
        return extensionPackage;
    }

    public List<ReactorError> getErrors() {
        return extensionPackage.errors();
    }
}
