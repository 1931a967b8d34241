package io.deploykit.emulator.http;

import java.io.IOException;

/** Answers one matched request; throws {@link HttpError} to answer with an error. */
@FunctionalInterface
public interface Handler {

    void handle(Exchange exchange) throws IOException;
}
