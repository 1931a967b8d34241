package io.deploykit.emulator.reactor.jsonapi;

import io.deploykit.emulator.http.HttpError;

/**
 * An error answer of the Reactor API, thrown by the handlers and written by {@link JsonApiErrors} as a JSON:API
 * error object: status, code, title, detail and, when one field or parameter is at fault, its source.
 * <p>
 * Adobe documents the codes {@code not-found}, {@code not-unique}, {@code read-only} and {@code invalid-name};
 * a token Reactor refuses is {@code oauth-token-invalid}; the others are in the same style.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final String pointer;
    private final String parameter;
    private final boolean brief;

    private ApiProblem(int status, String code, String title, String detail, String pointer, String parameter,
                       boolean brief) {
        super(detail, null, false, false); // an answer, not a failure: no stack trace
        this.status = status;
        this.code = code;
        this.title = title;
        this.pointer = pointer;
        this.parameter = parameter;
        this.brief = brief;
    }

    ApiProblem(int status, String code, String title, String detail) {
        this(status, code, title, detail, null, null, false);
    }

    /** The same problem, caused by a member of the request document, such as {@code /data/attributes/name}. */
    public ApiProblem atPointer(String jsonPointer) {
        return new ApiProblem(status, code, title, getMessage(), jsonPointer, null, brief);
    }

    /** The same problem, caused by a query or form parameter, such as {@code page[size]}. */
    ApiProblem atParameter(String name) {
        return new ApiProblem(status, code, title, getMessage(), null, name, brief);
    }

    /** An error the server raised by itself (an injected fault, no such route, a body over the limit). */
    static ApiProblem of(HttpError error) {
        return new ApiProblem(error.status(), error.code(), titleFor(error.status()), error.getMessage());
    }

    public static ApiProblem notFound(String id) {
        return new ApiProblem(404, "not-found", "Record Not Found", "No extension package has the id " + id + ".")
                .atPointer("/data/id");
    }

    /**
     * Reactor's 401, whatever is wrong with the token (missing, unknown, expired), as it answers it:
     * {@code {"errors":[{"status":"401","code":"oauth-token-invalid","title":"Oauth token is not valid",
     * "meta":{"request_id":...}}]}}, without an id or a detail (the detail here is only logged).
     */
    public static ApiProblem authenticationFailure(String detail) {
        return new ApiProblem(401, "oauth-token-invalid", "Oauth token is not valid", detail, null, null, true);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "bad-request", "Bad Request", detail);
    }

    public static ApiProblem invalidParameter(String parameter, String detail) {
        return new ApiProblem(400, "invalid-parameter", "Invalid Parameter", detail).atParameter(parameter);
    }

    public static ApiProblem notUnique(String detail) {
        return new ApiProblem(422, "not-unique", "Not Unique", detail).atPointer("/data/attributes/name");
    }

    public static ApiProblem invalidName(String detail) {
        return new ApiProblem(422, "invalid-name", "Invalid Name", detail).atPointer("/data/attributes/name");
    }

    public static ApiProblem invalidVersion(String detail) {
        return new ApiProblem(422, "invalid-version", "Invalid Version", detail).atPointer("/data/attributes/version");
    }

    public static ApiProblem invalidStatus(String detail) {
        return new ApiProblem(422, "invalid-status", "Invalid Status", detail).atPointer("/data/attributes/status");
    }

    public static ApiProblem readOnly(String detail) {
        return new ApiProblem(403, "read-only", "Read Only", detail).atPointer("/data/attributes/availability");
    }

    /** A request document whose id or type is not the resource's (JSON:API says 409). */
    public static ApiProblem conflict(String pointer, String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail).atPointer(pointer);
    }

    public static ApiProblem notAcceptable(String detail) {
        return new ApiProblem(406, "not-acceptable", "Not Acceptable", detail);
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(415, "unsupported-media-type", "Unsupported Media Type", detail);
    }

    /** The code of an error the server raises by itself. */
    static String codeFor(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 429 -> "too-many-requests";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> "internal-server-error";
        };
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 404 -> "Record Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Internal Server Error";
        };
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    /** Whether the error object carries only status, code, title and meta: no id, no detail. */
    boolean brief() {
        return brief;
    }

    /** The JSON pointer of the member at fault, or null. */
    String pointer() {
        return pointer;
    }

    /** The query or form parameter at fault, or null. */
    String parameter() {
        return parameter;
    }
}
