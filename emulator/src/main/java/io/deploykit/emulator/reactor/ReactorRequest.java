package io.deploykit.emulator.reactor;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request the Reactor emulator answered, with the headers a Reactor client is expected to send, so that a test
 * can assert that it sent them.
 *
 * @param time    when its answer started
 * @param path    the path as sent, percent-encoded
 * @param query   the query string as sent, or null
 * @param status  the status answered
 * @param headers the values of the {@linkplain #RECORDED_HEADERS recorded headers} it carried, by lower-case name
 */
public record ReactorRequest(Instant time, String method, String path, String query, int status,
                             Map<String, String> headers) {

    /** The request headers recorded: those the Reactor API and Adobe IMS document, and the body's. */
    public static final List<String> RECORDED_HEADERS = List.of("accept", "authorization",
            "content-type", "content-length", "x-api-key", "x-gw-ims-org-id", "user-agent");

    public ReactorRequest {
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
