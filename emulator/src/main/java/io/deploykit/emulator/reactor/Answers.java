package io.deploykit.emulator.reactor;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.Json;

/** Sends every answer of the Reactor emulator, successes and errors alike, so that each carries the request's id. */
final class Answers {

    /** The media type of the Reactor API's documents. */
    static final String JSON_API = "application/vnd.api+json";
    static final String JSON = "application/json;charset=utf-8";

    void json(Exchange exchange, int status, String contentType, JsonNode body) throws IOException {
        exchange.setHeader("x-request-id", exchange.correlationId());
        exchange.respond(status, contentType, Json.bytes(body));
    }

    /** An answer without a body, such as the 204 of a delete. */
    void empty(Exchange exchange, int status) throws IOException {
        exchange.setHeader("x-request-id", exchange.correlationId());
        exchange.respondEmpty(status);
    }
}
