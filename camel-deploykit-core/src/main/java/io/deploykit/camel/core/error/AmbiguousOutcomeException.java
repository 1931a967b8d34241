package io.deploykit.camel.core.error;

/**
 * A request that must not be sent twice got no clear answer: a gateway error (502, 504), a connection broken after
 * the request went out, or no answer in time. The server may or may not have acted on it, so it was not sent again;
 * the operations that send such requests read the server's state to find out, and continue from what they find.
 */
public class AmbiguousOutcomeException extends DeployKitException {

    private static final long serialVersionUID = 1L;

    public AmbiguousOutcomeException(String message, Throwable cause) {
        super(message, cause);
    }
}
