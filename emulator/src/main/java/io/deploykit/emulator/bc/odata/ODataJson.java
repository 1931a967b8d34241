package io.deploykit.emulator.bc.odata;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.JsonCodec;

/**
 * Business Central's JSON answers: an entity, or a {@code value} list, each with its {@code @odata.context}. Their
 * correlation headers are already set: {@code ApiGate} sets them on every API request before its handler runs.
 */
public final class ODataJson {

    static final String CONTENT_TYPE =
            "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ODataJson() {
    }

    /** A date-time as Business Central writes it, in UTC with milliseconds: {@code 2023-01-04T16:55:47.367Z}. */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static void entity(Exchange exchange, int status, String api, String entitySet, ObjectNode entity)
            throws IOException {
        ObjectNode body = JsonCodec.object().put("@odata.context", context(exchange, api, entitySet + "/$entity"));
        body.setAll(entity);
        if (entity.hasNonNull("@odata.etag")) {
            exchange.setHeader("ETag", entity.get("@odata.etag").asText());
        }
        exchange.respond(status, CONTENT_TYPE, JsonCodec.bytes(body));
    }

    /**
     * A list answer; with {@code @odata.count} when the request asked for it, and a {@code @odata.nextLink} when
     * more entities follow on another page.
     */
    static void list(Exchange exchange, String api, String entitySet, List<ObjectNode> entities, String nextLink,
                     Long count) throws IOException {
        ObjectNode body = JsonCodec.object().put("@odata.context", context(exchange, api, entitySet));
        if (count != null) {
            body.put("@odata.count", count);
        }
        body.putArray("value").addAll(entities);
        if (nextLink != null) {
            body.put("@odata.nextLink", nextLink);
        }
        exchange.respond(200, CONTENT_TYPE, JsonCodec.bytes(body));
    }

    /** The URL of an API under the service root this request used, such as {@code .../api/v2.0}. */
    public static String apiUrl(Exchange exchange, String api) {
        String path = exchange.path();
        return exchange.baseUrl() + path.substring(0, path.indexOf("/api/")) + api;
    }

    private static String context(Exchange exchange, String api, String fragment) {
        return apiUrl(exchange, api) + "/$metadata#" + fragment;
    }
}
