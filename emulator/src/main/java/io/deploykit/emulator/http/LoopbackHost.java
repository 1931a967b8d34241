package io.deploykit.emulator.http;

import java.util.Locale;
import java.util.Set;

/**
 * The check that a request was addressed to this machine by a loopback name: its {@code Host} header is
 * {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, with any port. The server only listens on 127.0.0.1, but a
 * browser sends a page's own host name there when DNS rebinding points that name at 127.0.0.1: the Host header is
 * what tells such a request apart.
 */
final class LoopbackHost {

    private static final Set<String> NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private LoopbackHost() {
    }

    /** Whether this Host header value names the loopback interface; false when it is absent. */
    public static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf(']') && name.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            name = name.substring(0, colon); // the port
        }
        return NAMES.contains(name);
    }

    /**
     * Refuses a request whose Host is not a loopback name, with 403 in the route group's error format.
     *
     * @throws HttpError 403
     */
    public static void require(Exchange exchange) {
        String host = exchange.header("Host");
        if (!is(host)) {
            throw new HttpError(403, "Forbidden", "This endpoint only answers requests addressed to localhost, "
                                                  + "127.0.0.1 or [::1], not to " + (host == null ? "no Host"
                    : "the Host '" + host + "'") + ".");
        }
    }
}
