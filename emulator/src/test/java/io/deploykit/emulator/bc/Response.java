package io.deploykit.emulator.bc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An answer of the emulator, as a test reads it. */
record Response(int status, HttpHeaders headers, byte[] body) {

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
