package io.deploykit.emulator.http;

import java.io.IOException;

/** Errors as {@code {"error":{"code":..,"message":..}}}: the format of the emulators' own endpoints. */
final class SimpleErrorFormat implements ErrorFormat {

    @Override
    public void write(Exchange exchange, HttpError error) throws IOException {
        var body = JsonCodec.object();
        body.putObject("error").put("code", error.code()).put("message", error.getMessage());
        exchange.respondJson(error.status(), body);
    }

    @Override
    public String codeFor(int status) {
        return switch (status) {
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 413 -> "PayloadTooLarge";
            case 429 -> "TooManyRequests";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> "Error" + status;
        };
    }
}
