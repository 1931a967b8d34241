package io.deploykit.emulator.bc.auth;

import java.io.IOException;
import java.util.Map;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.HttpError;
import io.deploykit.emulator.http.IssuedToken;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.http.TokenIssuer;

/**
 * Microsoft Entra ID's token endpoint for the client credentials grant,
 * {@code POST /{tenant}/oauth2/v2.0/token}, with its checks in its order and its AADSTS errors.
 */
public final class EntraTokenEndpoint {

    public static final String PATH = "/{tenant}/oauth2/v2.0/token";

    private final String tenant;
    private final TokenIssuer tokens;

    public EntraTokenEndpoint(String tenant, TokenIssuer tokens) {
        this.tenant = tenant;
        this.tokens = tokens;
    }

    public void token(Exchange exchange) throws IOException {
        String requestedTenant = exchange.pathParam("tenant");
        if (!requestedTenant.equalsIgnoreCase(tenant)) {
            throw EntraErrors.invalidRequest("AADSTS90002: Tenant '" + requestedTenant + "' not found. Check to make "
                                             + "sure you have the correct tenant ID and are signing into the correct "
                                             + "cloud.");
        }
        Map<String, String> form = exchange.readForm();
        String grantType = required(form, "grant_type");
        if (!grantType.equals("client_credentials")) {
            throw new HttpError(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant "
                                                                + "type '" + grantType + "'.");
        }
        String clientId = required(form, "client_id");
        String scope = required(form, "scope");
        if (!scope.endsWith("/.default")) {
            throw new HttpError(400, "invalid_scope", "AADSTS1002012: The provided value for scope " + scope
                                                       + " is not valid. Client credential flows must have a scope "
                                                       + "value with /.default suffixed to the resource identifier "
                                                       + "(application ID URI).");
        }
        if (!tokens.knowsClient(clientId)) {
            throw EntraErrors.invalidClient("AADSTS700016: Application with identifier '" + clientId + "' was not "
                                            + "found in the directory '" + tenant + "'.");
        }
        String secret = form.get("client_secret");
        if (secret == null || secret.isEmpty()) {
            throw EntraErrors.invalidClient("AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is "
                                            + "required for the 'client_credentials' grant type.");
        }
        if (!tokens.secretMatches(clientId, secret)) {
            throw EntraErrors.invalidClient("AADSTS7000215: Invalid client secret provided. Ensure the secret being "
                                            + "sent in the request is the client secret value, not the client secret "
                                            + "ID, for a secret added to app '" + clientId + "'.");
        }
        IssuedToken token = tokens.issue(clientId);
        long seconds = tokens.lifetime().toSeconds();
        exchange.setHeader("Cache-Control", "no-store, no-cache");
        exchange.setHeader("x-ms-request-id", exchange.correlationId());
        exchange.respondJson(200, JsonCodec.object()
                .put("token_type", "Bearer")
                .put("expires_in", seconds)
                .put("ext_expires_in", seconds)
                .put("access_token", token.value()));
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw EntraErrors.invalidRequest("AADSTS900144: The request body must contain the following parameter: '"
                                             + name + "'.");
        }
        return value;
    }
}
