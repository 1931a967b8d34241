package io.deploykit.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer a handler gives by throwing: the status, a service-specific error code and a message. The
 * route's {@link ErrorFormat} turns it into the body the emulated service would send.
 */
public final class HttpError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public HttpError(int status, String code, String message) {
        super(message, null, false, false); // an answer, not a failure: no stack trace
        this.status = status;
        this.code = code;
    }

    /** Adds a response header, such as Retry-After or WWW-Authenticate. */
    public HttpError withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
