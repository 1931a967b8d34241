package io.deploykit.camel.core.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One request, described so it can be sent again: retries and token refreshes replay it from here.
 *
 * @param idempotent whether a request whose connection broke may be sent again; a POST that may already have
 *                   taken effect on the server is not
 * @param accepted   error statuses the caller handles itself (such as 404 for a lookup) instead of failing
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, RequestBody body, boolean idempotent,
                       Set<Integer> accepted) {

    public HttpCall {
        headers = Map.copyOf(headers);
        accepted = Set.copyOf(accepted);
    }

    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, Map.of(), null, true, Set.of());
    }

    public static HttpCall post(URI uri, RequestBody body) {
        return new HttpCall("POST", uri, Map.of(), body, false, Set.of());
    }

    public static HttpCall patch(URI uri, RequestBody body) {
        return new HttpCall("PATCH", uri, Map.of(), body, true, Set.of());
    }

    public static HttpCall delete(URI uri) {
        return new HttpCall("DELETE", uri, Map.of(), null, true, Set.of());
    }

    public HttpCall header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpCall(method, uri, copy, body, idempotent, accepted);
    }

    public HttpCall accepting(Integer... statuses) {
        return new HttpCall(method, uri, headers, body, idempotent, Set.of(statuses));
    }

    public HttpCall idempotent(boolean value) {
        return new HttpCall(method, uri, headers, body, value, accepted);
    }

    /** The request line for logs and error messages. */
    public String describe() {
        return method + ' ' + uri;
    }
}
