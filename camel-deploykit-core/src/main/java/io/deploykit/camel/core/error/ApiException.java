package io.deploykit.camel.core.error;

import org.apache.camel.util.ObjectHelper;

/**
 * The service answered a request with an error status (after any retries). Carries what the service said:
 * the HTTP status, its own error code and message, and the correlation or request id its support asks for.
 */
public class ApiException extends DeployKitException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String uri;
    private final int statusCode;
    private final String errorCode;
    private final String errorMessage;
    private final String correlationId;

    public ApiException(String method, String uri, int statusCode, String errorCode, String errorMessage,
                        String correlationId) {
        super(format(method, uri, statusCode, errorCode, errorMessage, correlationId));
        this.method = method;
        this.uri = uri;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.correlationId = correlationId;
    }

    private static String format(String method, String uri, int status, String code, String message, String correlationId) {
        StringBuilder text = new StringBuilder().append(method).append(' ').append(uri)
                .append(" failed with HTTP ").append(status);
        if (ObjectHelper.isNotEmpty(code)) {
            text.append(' ').append(code);
        }
        if (ObjectHelper.isNotEmpty(message)) {
            text.append(": ").append(message);
        }
        if (correlationId != null && (message == null || !message.contains(correlationId))) {
            text.append(" [correlation id ").append(correlationId).append(']');
        }
        return text.toString();
    }

    public String getMethod() {
        return method;
    }

    /** The request URI (never carries credentials: tokens travel in headers only). */
    public String getUri() {
        return uri;
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** The service's own error code, such as {@code BadRequest_NotFound} or {@code not-unique}; may be null. */
    public String getErrorCode() {
        return errorCode;
    }

    /** The service's own error message, without the request line; may be null. */
    public String getErrorMessage() {
        return errorMessage;
    }

    public String getCorrelationId() {
        return correlationId;
    }
}
