package io.deploykit.emulator.bc.odata;

import java.io.IOException;

import io.deploykit.emulator.http.ErrorFormat;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.HttpError;
import io.deploykit.emulator.http.JsonCodec;

/**
 * Business Central's errors: {@code {"error":{"code":..,"message":"... CorrelationId: <guid>."}}}, the same id in
 * the correlation headers, and factories for the errors the API answers.
 */
public final class ODataErrors implements ErrorFormat {

    static final String NOT_FOUND = "BadRequest_NotFound";
    /**
     * Business Central's error code table lists "Bad Request - Error in query syntax" under this code: a query
     * option its OData parser cannot read.
     */
    static final String QUERY_SYNTAX = NOT_FOUND;
    public static final String BAD_REQUEST = "BadRequest";
    /** What an AL {@code Error()} raised by the application (such as a refused action) comes back as. */
    static final String APPLICATION = "Application_DialogException";

    @Override
    public void write(Exchange exchange, HttpError error) throws IOException {
        correlate(exchange);
        String message = error.getMessage().endsWith(".") ? error.getMessage() : error.getMessage() + ".";
        var body = JsonCodec.object();
        body.putObject("error").put("code", error.code())
                .put("message", message + " CorrelationId: " + exchange.correlationId() + ".");
        exchange.respond(error.status(), ODataJson.CONTENT_TYPE, JsonCodec.bytes(body));
    }

    @Override
    public String codeFor(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> "BadRequest_MethodNotAllowed";
            // no code of its own in Business Central's error code table: its catch-all
            case 408 -> "Unknown";
            case 413 -> "RequestEntityTooLarge";
            case 429 -> "Application_TooManyRequests";
            case 503 -> "Application_ServiceUnavailable";
            default -> "Internal_ServerError";
        };
    }

    /**
     * The headers of every answer of the API: the request's correlation id, and the OData version (4.0) the
     * service speaks.
     */
    public static void correlate(Exchange exchange) {
        exchange.setHeader("request-id", exchange.correlationId());
        exchange.setHeader("ms-correlation-x", exchange.correlationId());
        exchange.setHeader("OData-Version", "4.0");
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, NOT_FOUND, message);
    }

    /** A query option the OData parser cannot read, such as a {@code $filter} with an operator it lacks. */
    static HttpError querySyntax(String message) {
        return new HttpError(400, QUERY_SYNTAX, message);
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, BAD_REQUEST, message);
    }

    /** A request the application refuses, such as an import while one runs. */
    public static HttpError refused(String message) {
        return new HttpError(400, APPLICATION, message);
    }
}
