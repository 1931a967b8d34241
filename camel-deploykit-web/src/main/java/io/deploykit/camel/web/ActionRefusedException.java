package io.deploykit.camel.web;

/** An action the page refuses, with the HTTP status and a message for the person who asked. */
final class ActionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ActionRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
