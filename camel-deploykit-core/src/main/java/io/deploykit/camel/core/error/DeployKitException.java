package io.deploykit.camel.core.error;

/**
 * Base of every failure the DeployKit components report, so a route can handle them all with one
 * {@code onException(DeployKitException.class)}.
 */
public class DeployKitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeployKitException(String message) {
        super(message);
    }

    public DeployKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
