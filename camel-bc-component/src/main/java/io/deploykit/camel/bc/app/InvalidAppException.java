package io.deploykit.camel.bc.app;

import io.deploykit.camel.core.error.InvalidInputException;

/** A file given to {@code bc:app?operation=deploy} that is not an app Business Central can install. */
public class InvalidAppException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidAppException(String message) {
        super(message);
    }

    public InvalidAppException(String message, Throwable cause) {
        super(message, cause);
    }
}
