package io.deploykit.camel.core.support;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.error.InvalidInputException;

/** What a failure is, once unwrapped from the futures it travelled through, and as a {@link DeployKitException}. */
public final class Failures {

    private Failures() {
    }

    /** The failure itself, without the {@link CompletionException}s and {@link ExecutionException}s around it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The failure's message, or its class's simple name when it has none. */
    public static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /**
     * The failure as the components report it: a {@link DeployKitException} as it is, anything else wrapped in one,
     * so that {@code onException(DeployKitException.class)} sees every failure of a DeployKit producer. An
     * {@code IllegalArgumentException} means the message asked for something impossible: an {@link InvalidInputException}.
     */
    public static DeployKitException typed(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof DeployKitException known) {
            return known;
        }
        if (cause instanceof IllegalArgumentException invalid) {
            return new InvalidInputException(invalid.getMessage(), invalid);
        }
        if (cause instanceof UncheckedIOException io) {
            return new DeployKitException(io.getMessage(), io.getCause());
        }
        if (cause instanceof OutOfMemoryError) {
            return new DeployKitException("Ran out of memory processing the message (" + cause.getMessage()
                                          + "); the message was not deployed", cause);
        }
        String text = cause.getMessage() == null ? cause.getClass().getName() : cause.getClass().getSimpleName() + ": "
                                                                                 + cause.getMessage();
        return new DeployKitException("Unexpected failure: " + text, cause);
    }
}
