package io.deploykit.emulator.reactor.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code extension.json} of an extension package: what it is, and the files it names. */
public final class Manifest {

    public static final String FILE_NAME = "extension.json";

    private final ObjectNode json;

    public Manifest(ObjectNode json) {
        this.json = json;
    }

    /** The non-blank text of a top-level field, or null. */
    public String text(String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** A top-level field, or null when absent. */
    public JsonNode field(String field) {
        return json.get(field);
    }

    public String name() {
        return text("name");
    }

    public String version() {
        return text("version");
    }

    public String platform() {
        return text("platform");
    }

    ObjectNode json() {
        return json;
    }
}
