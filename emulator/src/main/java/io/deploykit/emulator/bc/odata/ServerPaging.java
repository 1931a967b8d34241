package io.deploykit.emulator.bc.odata;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.deploykit.emulator.http.Exchange;

/**
 * Business Central's server-driven paging: a list answer holds at most the maximum page size (20,000 entities by
 * default, online and on-premises; configurable on-premises), or fewer when the request asks with
 * {@code Prefer: odata.maxpagesize=N}; an answer cut short carries {@code @odata.nextLink}, the same request with a
 * {@code $skiptoken} naming its last entity (see {@link ODataQuery}). The maximum can be changed while running, for
 * tests.
 */
public final class ServerPaging {

    public static final int DEFAULT_MAX_PAGE_SIZE = 20_000;
    static final String SKIP_TOKEN = "$skiptoken";

    private static final Pattern PREFERENCE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)");
    /** The options a next link does not repeat: it carries their effect in its skip token and remaining top. */
    private static final Set<String> REPLACED = Set.of(SKIP_TOKEN, "$skip", "$top");

    private volatile int maxPageSize;

    public ServerPaging(int maxPageSize) {
        setMaxPageSize(maxPageSize);
    }

    public void setMaxPageSize(int maxPageSize) {
        this.maxPageSize = requireValid(maxPageSize);
    }

    public static int requireValid(int maxPageSize) {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("A page holds at least one entity, not " + maxPageSize);
        }
        return maxPageSize;
    }

    /** The most entities this request's answer holds: the maximum, or less when the client prefers. */
    int pageSize(Exchange exchange) {
        int size = maxPageSize;
        String prefer = exchange.header("Prefer");
        if (prefer != null) {
            Matcher preference = PREFERENCE.matcher(prefer.toLowerCase(Locale.ROOT));
            if (preference.find()) {
                try {
                    int asked = Integer.parseInt(preference.group(1));
                    if (asked >= 1 && asked < size) {
                        size = asked;
                    }
                } catch (NumberFormatException tooLarge) {
                    // more than an int: the server's own maximum applies
                }
                exchange.setHeader("Preference-Applied", "odata.maxpagesize=" + size);
            }
        }
        return size;
    }

    /**
     * The request again, for the page after the entity the token names: its own options but {@code $skip},
     * {@code $top} and {@code $skiptoken}, then {@code $top} when some of it remains, then the new skip token.
     *
     * @param remainingTop how many entities the request's {@code $top} still allows, or null without {@code $top}
     */
    String nextLink(Exchange exchange, String skipToken, Integer remainingTop) {
        List<String> parameters = new ArrayList<>();
        String raw = exchange.rawQuery();
        if (raw != null) {
            for (String parameter : raw.split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int eq = parameter.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? parameter : parameter.substring(0, eq), StandardCharsets.UTF_8);
                if (!REPLACED.contains(name)) {
                    parameters.add(parameter);
                }
            }
        }
        if (remainingTop != null) {
            parameters.add("%24top=" + remainingTop);
        }
        parameters.add("%24skiptoken=" + URLEncoder.encode(skipToken, StandardCharsets.UTF_8).replace("+", "%20"));
        return exchange.baseUrl() + exchange.path() + "?" + String.join("&", parameters);
    }
}
