package io.deploykit.emulator.reactor.auth;

import java.util.Optional;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.IssuedToken;
import io.deploykit.emulator.http.TokenIssuer;
import io.deploykit.emulator.reactor.jsonapi.Answers;
import io.deploykit.emulator.reactor.jsonapi.ApiProblem;
import io.deploykit.emulator.http.HeaderParameters;

/**
 * What every Reactor API request passes first: a valid IMS access token, then the versioned Accept header. The
 * documented {@code x-api-key} and {@code x-gw-ims-org-id} are not required, as Adobe's own tools do not always
 * send them; they are recorded in the request log.
 */
public final class ReactorGate {

    static final String ACCEPT = "application/vnd.api+json;revision=1";

    private final TokenIssuer tokens;

    public ReactorGate(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    /** @throws ApiProblem 401 without a valid token, 406 without the Accept header of revision 1 */
    public void admit(Exchange exchange) {
        exchange.principal(authenticate(exchange.header("Authorization")).clientId());
        String accept = exchange.header("Accept");
        if (accept == null) {
            throw ApiProblem.notAcceptable("The request has no Accept header; the API answers " + ACCEPT + ".");
        }
        if (!acceptsRevision1(accept)) {
            throw ApiProblem.notAcceptable("The API answers " + ACCEPT + ", which the Accept header " + accept
                                           + " does not accept.");
        }
    }

    /** The token the request carries; 401 unless this IMS issued it and it is still valid. */
    private IssuedToken authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiProblem.authenticationFailure("The request has no Authorization header with an IMS access "
                                                   + "token.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiProblem.authenticationFailure("The Authorization header must be Bearer followed by an IMS "
                                                   + "access token.");
        }
        Optional<IssuedToken> token = tokens.find(authorization.substring(7).trim());
        if (token.isEmpty()) {
            throw ApiProblem.authenticationFailure("The access token is not valid: IMS did not issue it.");
        }
        if (tokens.expired(token.get())) {
            throw ApiProblem.authenticationFailure("The access token expired at " + token.get().expiresAt()
                                                   + "; get a new one.");
        }
        return token.get();
    }

    /** Whether one of the media ranges is the JSON:API type with {@code revision=1}, spaces and case aside. */
    public static boolean acceptsRevision1(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            if (!HeaderParameters.value(range).equalsIgnoreCase(Answers.JSON_API)) {
                continue;
            }
            String revision = HeaderParameters.parameter(range, "revision");
            if (revision != null && revision.trim().equals("1")) {
                return true;
            }
        }
        return false;
    }
}
