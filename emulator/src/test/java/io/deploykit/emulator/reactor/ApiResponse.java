package io.deploykit.emulator.reactor;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.emulator.HttpAnswer;

/** An answer of the Reactor emulator, as a test reads it. */
record ApiResponse(int status, HttpHeaders headers, byte[] body) implements HttpAnswer {

    /** The resource of a single-resource document. */
    JsonNode data() {
        return json().path("data");
    }

    JsonNode attributes() {
        return data().path("attributes");
    }

    /** The first error object of an error document. */
    JsonNode error() {
        return json().path("errors").path(0);
    }

    String errorCode() {
        return error().path("code").asText();
    }

    @Override
    public String toString() {
        return status + " " + text();
    }
}
