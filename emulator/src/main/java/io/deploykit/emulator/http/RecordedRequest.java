package io.deploykit.emulator.http;

import java.time.Duration;
import java.time.Instant;

/**
 * A request the emulator answered (or dropped).
 *
 * @param time      when it arrived
 * @param path      the path as sent, percent-encoded
 * @param query     the query string as sent, or null
 * @param route     the name of the route that matched, such as {@code packages.import}; null when none did
 * @param status    the status answered; 0 when the connection was closed without an answer
 * @param withToken whether it carried an {@code Authorization: Bearer} header (valid or not)
 * @param duration  from its arrival until its answer started (it is logged then, before the client sees it)
 */
public record RecordedRequest(Instant time, String method, String path, String query, String route, int status,
                              boolean withToken, Duration duration) {

    /** The path with its query string, as sent. */
    public String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }
}
