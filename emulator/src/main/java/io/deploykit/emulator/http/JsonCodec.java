package io.deploykit.emulator.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one Jackson mapper of the emulators, and the few JSON operations their handlers need. Every JSON document the
 * emulators read comes from a client or an uploaded file, so the mapper reads within {@link #READ_LIMITS}.
 */
public final class JsonCodec {

    /** The most levels of arrays and objects a document may nest: a manifest's JSON schemas nest a few. */
    public static final int MAX_NESTING_DEPTH = 100;
    /** The longest document or string read: request bodies are smaller still (64 KiB), extension.json is 1 MiB. */
    public static final int MAX_DOCUMENT_BYTES = 1 << 20;
    /** The longest property name. */
    public static final int MAX_NAME_LENGTH = 1024;

    /** What the mapper reads at most; over a limit, reading fails with {@link StreamConstraintsException}. */
    public static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxDocumentLength(MAX_DOCUMENT_BYTES)
            .maxStringLength(MAX_DOCUMENT_BYTES)
            .maxNameLength(MAX_NAME_LENGTH)
            .build();

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(READ_LIMITS).build());

    private JsonCodec() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    /**
     * The JSON object in a request body; an empty body is an empty object.
     *
     * @throws IllegalArgumentException when the body is not a JSON object, or is over a limit of
     *                                  {@link #READ_LIMITS}
     */
    public static ObjectNode parseObject(byte[] body) {
        if (body.length == 0) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("The request body is over a limit: " + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Reading JSON from memory failed", e);
        }
        if (node == null || node.isMissingNode()) {
            return object();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("The request body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    /**
     * What a read limit says, without the name of the Jackson setting it comes from: "Document nesting depth (101)
     * exceeds the maximum allowed (100)".
     */
    public static String describe(StreamConstraintsException e) {
        return e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
    }
}
