package io.deploykit.emulator.bc;

import java.net.http.HttpHeaders;

import io.deploykit.emulator.HttpAnswer;

/** An answer of the Business Central emulator, as a test reads it. */
record Response(int status, HttpHeaders headers, byte[] body) implements HttpAnswer {

    /** The OData error code of an error answer. */
    String errorCode() {
        return json().path("error").path("code").asText();
    }

    String errorMessage() {
        return json().path("error").path("message").asText();
    }

    @Override
    public String toString() {
        return status + " " + text();
    }
}
