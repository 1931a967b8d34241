package io.deploykit.camel.core.error;

/** What the exchange names does not exist on the service: an unknown company, item number or package. */
public class NotFoundException extends DeployKitException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
