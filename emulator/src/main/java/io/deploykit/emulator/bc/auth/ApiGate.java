package io.deploykit.emulator.bc.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.deploykit.emulator.bc.Environments;
import io.deploykit.emulator.bc.odata.ODataErrors;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.HttpError;
import io.deploykit.emulator.http.IssuedToken;
import io.deploykit.emulator.http.TokenIssuer;

/**
 * What every API request passes first: its service root must name this tenant and environment, and it must carry
 * a valid credential, a Bearer token from the token endpoint or, for the configured users, Basic authentication.
 * <p>
 * Service roots: {@code /v2.0/{tenant}/{environment}}, {@code /v2.0/{environment}} (the tenant is the token's),
 * and the on-premises {@code /{serverInstance}}.
 */
public final class ApiGate {

    private static final String INVALID_CREDENTIALS = "Authentication_InvalidCredentials";

    private final String tenant;
    private final Environments environments;
    private final TokenIssuer tokens;
    private final Map<String, String> users;

    public ApiGate(String tenant, Environments environments, TokenIssuer tokens, Map<String, String> users) {
        this.tenant = tenant;
        this.environments = environments;
        this.tokens = tokens;
        this.users = Map.copyOf(users);
    }

    /** The service roots, as a path prefix with the groups {@code tenant} and {@code environment}. */
    public static String rootRegex(String serverInstance) {
        // the optional tenant is tried first; without it, the one segment left is the environment
        return "(?:/v2\\.0/(?:(?<tenant>[^/]+)/)?(?<environment>[^/]+)|" + Pattern.quote("/" + serverInstance) + ")";
    }

    public void admit(Exchange exchange) {
        ODataErrors.correlate(exchange);
        authenticate(exchange);
        String urlTenant = exchange.pathParam("tenant");
        if (urlTenant != null && !urlTenant.equalsIgnoreCase(tenant)) {
            throw unauthorized("the credentials are not valid for the tenant " + urlTenant);
        }
        String urlEnvironment = exchange.pathParam("environment");
        if (urlEnvironment != null && !environments.exists(urlEnvironment)) {
            throw ODataErrors.notFound("The environment '" + urlEnvironment + "' does not exist in the tenant "
                                       + tenant + " (it has " + environments.names() + ")");
        }
    }

    /**
     * What every admin center API request passes first: an Entra access token (the admin center takes no Basic
     * credentials); the environment in its path is the resource's to check, in the admin API's error shape.
     */
    public void admitAdmin(Exchange exchange) {
        String authorization = exchange.header("Authorization");
        if (authorization != null && !startsWithIgnoreCase(authorization, "Bearer ")) {
            throw unauthorized("the admin center API takes a Microsoft Entra access token");
        }
        authenticate(exchange);
    }

    /** Checks the credentials and names their user or service principal on the exchange. */
    private void authenticate(Exchange exchange) {
        String authorization = exchange.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized(null);
        }
        if (startsWithIgnoreCase(authorization, "Bearer ")) {
            Optional<IssuedToken> token = tokens.find(authorization.substring(7).trim());
            if (token.isEmpty()) {
                throw unauthorized("the access token is not one this service issued");
            }
            if (tokens.expired(token.get())) {
                throw unauthorized("the access token expired at " + token.get().expiresAt());
            }
            exchange.principal("client:" + token.get().clientId()); // a service principal: its tokens count together
            return;
        }
        if (startsWithIgnoreCase(authorization, "Basic ")) {
            String user = basicUser(authorization.substring(6).trim());
            if (user != null) {
                exchange.principal("user:" + user);
                return;
            }
        }
        throw unauthorized("the Authorization header carries no valid credentials");
    }

    /** The user whose name and key the Basic credentials carry; null when they match no user. */
    private String basicUser(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        String key = users.get(user);
        boolean matches = key != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return matches ? user : null;
    }

    /**
     * Business Central's 401: always the same message in the body; the reason goes into the WWW-Authenticate
     * challenge, where RFC 6750 puts it (without a realm, which the service does not name).
     *
     * @param reason why the credentials were refused; null when there were none (then the challenge has no error)
     */
    private static HttpError unauthorized(String reason) {
        String challenge = "Bearer"
                           + (reason == null ? "" : " error=\"invalid_token\", error_description=\"" + reason + "\"");
        return new HttpError(401, INVALID_CREDENTIALS, "The credentials provided are incorrect")
                .withHeader("WWW-Authenticate", challenge);
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
