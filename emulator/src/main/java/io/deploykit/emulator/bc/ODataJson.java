package io.deploykit.emulator.bc;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.Json;

/** Business Central's JSON answers: an entity, or a {@code value} list, each with its {@code @odata.context}. */
final class ODataJson {

    static final String CONTENT_TYPE =
            "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

    private ODataJson() {
    }

    static void entity(Exchange exchange, int status, String api, String entitySet, ObjectNode entity)
            throws IOException {
        ObjectNode body = Json.object().put("@odata.context", context(exchange, api, entitySet + "/$entity"));
        body.setAll(entity);
        if (entity.hasNonNull("@odata.etag")) {
            exchange.setHeader("ETag", entity.get("@odata.etag").asText());
        }
        exchange.respond(status, CONTENT_TYPE, Json.bytes(body));
    }

    static void list(Exchange exchange, String api, String entitySet, List<ObjectNode> entities) throws IOException {
        list(exchange, api, entitySet, entities, null);
    }

    /** A list answer; with a {@code nextLink} when more entities follow on another page. */
    static void list(Exchange exchange, String api, String entitySet, List<ObjectNode> entities, String nextLink)
            throws IOException {
        ObjectNode body = Json.object().put("@odata.context", context(exchange, api, entitySet));
        body.putArray("value").addAll(entities);
        if (nextLink != null) {
            body.put("@odata.nextLink", nextLink);
        }
        exchange.respond(200, CONTENT_TYPE, Json.bytes(body));
    }

    /** The URL of an API under the service root this request used, such as {@code .../api/v2.0}. */
    static String apiUrl(Exchange exchange, String api) {
        String path = exchange.path();
        return exchange.baseUrl() + path.substring(0, path.indexOf("/api/")) + api;
    }

    private static String context(Exchange exchange, String api, String fragment) {
        return apiUrl(exchange, api) + "/$metadata#" + fragment;
    }
}
