package io.deploykit.emulator.bc.auth;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.deploykit.emulator.http.ErrorFormat;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.HttpError;
import io.deploykit.emulator.http.JsonCodec;

/**
 * Microsoft Entra ID's token errors: the OAuth {@code error} and {@code error_description} (which starts with the
 * AADSTS code), plus {@code error_codes}, {@code timestamp}, {@code trace_id} and {@code correlation_id}.
 */
public final class EntraErrors implements ErrorFormat {

    private static final Pattern AADSTS = Pattern.compile("^AADSTS(\\d+):");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    @Override
    public void write(Exchange exchange, HttpError error) throws IOException {
        String traceId = UUID.randomUUID().toString();
        String timestamp = TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        var body = JsonCodec.object()
                .put("error", error.code())
                .put("error_description", error.getMessage() + " Trace ID: " + traceId + " Correlation ID: "
                                          + exchange.correlationId() + " Timestamp: " + timestamp);
        Matcher code = AADSTS.matcher(error.getMessage());
        if (code.find()) {
            body.putArray("error_codes").add(Long.parseLong(code.group(1)));
        }
        body.put("timestamp", timestamp).put("trace_id", traceId).put("correlation_id", exchange.correlationId());
        exchange.setHeader("x-ms-request-id", traceId);
        exchange.setHeader("Cache-Control", "no-store, no-cache");
        exchange.respondJson(error.status(), body);
    }

    @Override
    public String codeFor(int status) {
        return switch (status) {
            case 429, 502, 503, 504 -> "temporarily_unavailable";
            case 500 -> "server_error";
            default -> "invalid_request";
        };
    }

    static HttpError invalidRequest(String message) {
        return new HttpError(400, "invalid_request", message);
    }

    static HttpError invalidClient(String message) {
        return new HttpError(401, "invalid_client", message);
    }
}
