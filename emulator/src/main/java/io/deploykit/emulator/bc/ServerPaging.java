package io.deploykit.emulator.bc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.deploykit.emulator.http.Exchange;

/**
 * Business Central's server-driven paging: a list answer holds at most the maximum page size (20,000 entities by
 * default, online and on-premises; configurable on-premises), or fewer when the request asks with
 * {@code Prefer: odata.maxpagesize=N}; an answer cut short carries {@code @odata.nextLink}, the same request with a
 * {@code $skiptoken} naming the key of its last entity. The maximum can be changed while running, for tests.
 */
final class ServerPaging {

    static final int DEFAULT_MAX_PAGE_SIZE = 20_000;
    static final String SKIP_TOKEN = "$skiptoken";

    private static final Pattern PREFERENCE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)");
    private static final Pattern SKIP_TOKEN_PARAMETER = Pattern.compile("(^|&)(\\$|%24)skiptoken=[^&]*");

    private volatile int maxPageSize;

    ServerPaging(int maxPageSize) {
        setMaxPageSize(maxPageSize);
    }

    void setMaxPageSize(int maxPageSize) {
        this.maxPageSize = requireValid(maxPageSize);
    }

    static int requireValid(int maxPageSize) {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("A page holds at least one entity, not " + maxPageSize);
        }
        return maxPageSize;
    }

    /** One page of entities. */
    record Page<T>(List<T> items, String nextLink) {
    }

    /**
     * The page of {@code entities} (in key order) this request asks for.
     *
     * @param key the key of an entity, which a {@code $skiptoken} names
     */
    <T> Page<T> page(Exchange exchange, List<T> entities, Function<T, String> key) {
        int size = pageSize(exchange);
        String after = exchange.queryParam(SKIP_TOKEN);
        List<T> items = new ArrayList<>(Math.min(size, entities.size()));
        boolean more = false;
        for (T entity : entities) {
            if (after != null && key.apply(entity).compareTo(after) <= 0) {
                continue;
            }
            if (items.size() == size) {
                more = true;
                break;
            }
            items.add(entity);
        }
        return new Page<>(items, more ? nextLink(exchange, key.apply(items.get(items.size() - 1))) : null);
    }

    private int pageSize(Exchange exchange) {
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

    private static String nextLink(Exchange exchange, String lastKey) {
        String query = exchange.rawQuery() == null ? "" : SKIP_TOKEN_PARAMETER.matcher(exchange.rawQuery()).replaceAll("");
        query = query.replaceFirst("^&", "");
        String token = "%24skiptoken=" + URLEncoder.encode(lastKey, StandardCharsets.UTF_8).replace("+", "%20");
        return exchange.baseUrl() + exchange.path() + "?" + (query.isEmpty() ? token : query + "&" + token);
    }
}
