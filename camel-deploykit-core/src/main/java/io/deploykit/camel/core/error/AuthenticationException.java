package io.deploykit.camel.core.error;

/**
 * The token endpoint refused the credentials, or the service refused the token. The message names the
 * token URL, the client id and what the identity provider said; it never contains a secret or a token.
 */
public class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String method, String uri, int statusCode, String errorCode, String errorMessage,
                                   String correlationId) {
        super(method, uri, statusCode, errorCode, errorMessage, correlationId);
    }
}
