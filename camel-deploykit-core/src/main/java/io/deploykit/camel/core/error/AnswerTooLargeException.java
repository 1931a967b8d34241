package io.deploykit.camel.core.error;

import java.io.IOException;

/**
 * The body of an answer exceeded what the components read into memory; it was not read further. The server did
 * answer, and would answer the same again: the request is not retried.
 */
public class AnswerTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public AnswerTooLargeException(long limit) {
        super("the answer is larger than " + limit + " bytes");
    }
}
