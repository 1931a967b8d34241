package io.deploykit.camel.core.error;

/**
 * The message body cannot be deployed as it is (not a RapidStart package, not a zip, no manifest ...).
 * Raised before anything is sent to the service, so nothing changed there.
 */
public class InvalidInputException extends DeployKitException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
