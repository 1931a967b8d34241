package io.deploykit.camel.core.json;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.deploykit.camel.core.error.DeployKitException;

/** The one JSON mapper of the components: lenient on unknown properties, as service APIs grow. */
public final class ApiJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ApiJson() {
    }

    public static JsonNode tree(byte[] body) {
        try {
            return body.length == 0 ? MAPPER.nullNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            throw new DeployKitException("The service answered with a body that is not JSON: " + e.getMessage(), e);
        }
    }

    /** The tree, or null when the body is not JSON (error pages from proxies and gateways). */
    public static JsonNode treeOrNull(byte[] body) {
        try {
            return body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    public static <T> T read(byte[] body, Class<T> type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw new DeployKitException("Could not read a " + type.getSimpleName() + " from the service's answer: "
                                         + e.getMessage(), e);
        }
    }

    public static <T> T convert(JsonNode node, Class<T> type) {
        return MAPPER.convertValue(node, type);
    }

    /** A text field, or null when missing or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
