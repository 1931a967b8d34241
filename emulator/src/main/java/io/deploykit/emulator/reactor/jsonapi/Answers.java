package io.deploykit.emulator.reactor.jsonapi;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.JsonCodec;

/** Sends every answer of the Reactor emulator, successes and errors alike, so that each carries the request's id. */
public final class Answers {

    /** The media type of the Reactor API's documents. */
    public static final String JSON_API = "application/vnd.api+json";
    public static final String JSON = "application/json;charset=utf-8";

    public void json(Exchange exchange, int status, String contentType, JsonNode body) throws IOException {
        exchange.setHeader("x-request-id", exchange.correlationId());
        exchange.respond(status, contentType, JsonCodec.bytes(body));
    }

    /** An answer without a body, such as the 204 of a delete. */
    public void empty(Exchange exchange, int status) throws IOException {
        exchange.setHeader("x-request-id", exchange.correlationId());
        exchange.respondEmpty(status);
    }
}
