package io.deploykit.emulator.http;

import java.io.IOException;

/** How an emulated service writes an error: OData for Business Central, OAuth for a token endpoint, and so on. */
public interface ErrorFormat {

    void write(Exchange exchange, HttpError error) throws IOException;

    /**
     * The error code this service uses for a status the server answers by itself: 404 and 405 for a request no
     * route takes, 413 for a body over a limit, 429, 502, 503 and 504 for injected faults, 500 for a failed handler.
     */
    String codeFor(int status);
}
