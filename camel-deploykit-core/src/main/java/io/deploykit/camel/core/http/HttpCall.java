package io.deploykit.camel.core.http;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One request, described so it can be sent again: retries and token refreshes replay it from here.
 *
 * @param idempotent whether sending the request twice does no more than sending it once. One that is not (a POST
 *                   that creates, an action that starts a job) is sent again only when the server surely did not
 *                   act: see {@link ApiClient}
 * @param accepted   error statuses the caller handles itself (such as 404 for a lookup) instead of failing
 * @param deadline   no retry is scheduled to start after this instant (a poll must not outlive its wait); null for
 *                   none
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, RequestBody body, boolean idempotent,
                       Set<Integer> accepted, Instant deadline) {

    public HttpCall {
        headers = Map.copyOf(headers);
        accepted = Set.copyOf(accepted);
    }

    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, Map.of(), null, true, Set.of(), null);
    }

    public static HttpCall post(URI uri, RequestBody body) {
        return new HttpCall("POST", uri, Map.of(), body, false, Set.of(), null);
    }

    public static HttpCall patch(URI uri, RequestBody body) {
        return new HttpCall("PATCH", uri, Map.of(), body, true, Set.of(), null);
    }

    public static HttpCall delete(URI uri) {
        return new HttpCall("DELETE", uri, Map.of(), null, true, Set.of(), null);
    }

    public HttpCall header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpCall(method, uri, copy, body, idempotent, accepted, deadline);
    }

    public HttpCall accepting(Integer... statuses) {
        return new HttpCall(method, uri, headers, body, idempotent, Set.of(statuses), deadline);
    }

    public HttpCall idempotent(boolean value) {
        return new HttpCall(method, uri, headers, body, value, accepted, deadline);
    }

    public HttpCall until(Instant value) {
        return new HttpCall(method, uri, headers, body, idempotent, accepted, value);
    }

    /** The request line for logs and error messages. */
    public String describe() {
        return method + ' ' + uri;
    }
}
