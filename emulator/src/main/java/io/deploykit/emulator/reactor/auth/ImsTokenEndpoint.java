package io.deploykit.emulator.reactor.auth;

import java.io.IOException;
import java.util.Map;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.HttpError;
import io.deploykit.emulator.http.IssuedToken;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.http.TokenIssuer;
import io.deploykit.emulator.reactor.jsonapi.Answers;

/**
 * Adobe IMS's token endpoint for OAuth server-to-server credentials, {@code POST /ims/token/v3} with the form
 * {@code grant_type=client_credentials&client_id=..&client_secret=..&scope=..}. Any scope is granted.
 */
public final class ImsTokenEndpoint {

    public static final String PATH = "/ims/token/v3";

    private final TokenIssuer tokens;
    private final Answers answers;

    public ImsTokenEndpoint(TokenIssuer tokens, Answers answers) {
        this.tokens = tokens;
        this.answers = answers;
    }

    public void token(Exchange exchange) throws IOException {
        Map<String, String> form = exchange.readForm();
        String grantType = required(form, "grant_type");
        if (!grantType.equals("client_credentials")) {
            throw new HttpError(400, "unsupported_grant_type", "unsupported grant_type " + grantType);
        }
        String clientId = required(form, "client_id");
        if (!tokens.knowsClient(clientId)) {
            throw new HttpError(401, "invalid_client", "invalid client_id parameter");
        }
        if (!tokens.secretMatches(clientId, form.get("client_secret"))) {
            throw new HttpError(401, "invalid_client", "invalid client_secret parameter");
        }
        IssuedToken token = tokens.issue(clientId);
        exchange.setHeader("Cache-Control", "no-store");
        answers.json(exchange, 200, Answers.JSON, JsonCodec.object()
                .put("access_token", token.value())
                .put("token_type", "bearer")
                .put("expires_in", tokens.lifetime().toSeconds()));
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw new HttpError(400, "invalid_request", "missing " + name + " parameter");
        }
        return value;
    }
}
