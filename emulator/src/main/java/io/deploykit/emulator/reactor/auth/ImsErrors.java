package io.deploykit.emulator.reactor.auth;

import java.io.IOException;

import io.deploykit.emulator.http.ErrorFormat;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.HttpError;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.reactor.jsonapi.Answers;

/** Adobe IMS's OAuth errors: {@code {"error":"invalid_client","error_description":"invalid client_secret parameter"}}. */
public final class ImsErrors implements ErrorFormat {

    private final Answers answers;

    public ImsErrors(Answers answers) {
        this.answers = answers;
    }

    @Override
    public void write(Exchange exchange, HttpError error) throws IOException {
        exchange.setHeader("Cache-Control", "no-store");
        answers.json(exchange, error.status(), Answers.JSON, JsonCodec.object()
                .put("error", error.code())
                .put("error_description", error.getMessage()));
    }

    @Override
    public String codeFor(int status) {
        return switch (status) {
            case 429, 502, 503, 504 -> "temporarily_unavailable";
            case 404, 405, 413 -> "invalid_request";
            default -> "server_error";
        };
    }
}
