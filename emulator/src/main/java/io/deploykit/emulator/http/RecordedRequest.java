package io.deploykit.emulator.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request the emulator answered (or dropped).
 *
 * @param time      when it arrived
 * @param path      the path as sent, percent-encoded
 * @param query     the query string as sent, or null
 * @param route     the name of the route that matched, such as {@code packages.import}; null when none did
 * @param status    the status the client got (for a fault after acting, the fault's rather than the discarded
 *                  answer's); 0 when the connection was closed without an answer
 * @param withToken whether it carried an {@code Authorization: Bearer} header (valid or not)
 * @param duration  from its arrival until its answer started (it is logged then, before the client sees it)
 * @param headers   the values of the {@linkplain #RECORDED_HEADERS recorded headers} it carried, by lower-case name
 */
public record RecordedRequest(Instant time, String method, String path, String query, String route, int status,
                              boolean withToken, Duration duration, Map<String, String> headers) {

    /**
     * The request headers recorded, so that a test can assert that a client sent them: those the emulated APIs
     * document (Adobe's {@code x-api-key} and {@code x-gw-ims-org-id} among them), and the body's. Only these,
     * so that a long benchmark's log stays small.
     */
    public static final List<String> RECORDED_HEADERS = List.of("accept", "authorization",
            "content-type", "content-length", "x-api-key", "x-gw-ims-org-id", "user-agent");

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The value of a recorded header (any case), or null when the request did not carry it. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The path with its query string, as sent. */
    public String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }
}
