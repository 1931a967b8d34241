package io.deploykit.emulator.reactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An answer of the emulator, as a test reads it. */
record ApiResponse(int status, HttpHeaders headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text(), e);
        }
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

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
