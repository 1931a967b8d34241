package io.deploykit.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.emulator.http.JsonCodec;

/** An answer of an emulator, as a test reads it; each emulator's tests add how its errors read. */
public interface HttpAnswer {

    int status();

    HttpHeaders headers();

    byte[] body();

    default JsonNode json() {
        try {
            return JsonCodec.MAPPER.readTree(body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text(), e);
        }
    }

    default String text() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    default String header(String name) {
        return headers().firstValue(name).orElse(null);
    }
}
