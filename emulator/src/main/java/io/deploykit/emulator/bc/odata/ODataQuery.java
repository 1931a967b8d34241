package io.deploykit.emulator.bc.odata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.bc.odata.ODataValues.Literal;
import io.deploykit.emulator.bc.odata.ODataValues.Token;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.http.UrlEncoding;

/**
 * The query options of a request to a collection, as OData 4.0 defines them and Business Central applies them:
 * {@code $filter} (see {@link ODataFilter}), {@code $orderby} (properties, each {@code asc} or {@code desc}),
 * {@code $skip}, {@code $top} (non-negative integers), {@code $count} ({@code true} adds {@code @odata.count}, the
 * number of entities the filter lets through), {@code $select} (the properties to return) and the
 * {@code $skiptoken} of server-driven paging.
 * <p>
 * They apply in OData's order: filter, order, skip, top, then the server's page size cuts the result into pages
 * linked by {@code @odata.nextLink}. A next link repeats the request's options but for {@code $skip} (already
 * applied), with {@code $top} lowered by the entities already returned, and with a {@code $skiptoken} naming the
 * order values and key of the last entity returned: a page starts after that entity, wherever entities created or
 * deleted meanwhile have moved it.
 * <p>
 * An option that is not valid, names a property the entity does not have, or is none of these ({@code $expand},
 * {@code $search}, {@code $apply}...) is refused with 400.
 */
public final class ODataQuery {

    private static final Pattern NON_NEGATIVE = Pattern.compile("\\d{1,10}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** System query options Business Central takes that change nothing here. */
    private static final Set<String> IGNORED = Set.of("$schemaversion");
    private static final Set<String> SUPPORTED = Set.of("$filter", "$select", "$orderby", "$top", "$skip", "$count",
            "$skiptoken");

    /** One key of the order: a property, ascending or descending. */
    private record OrderKey(String property, EntityType.Kind kind, boolean descending) {
    }

    /** One page of the result, with the link to the next one (null on the last) and the count, when asked. */
    record Page(List<ObjectNode> items, String nextLink, Long count) {
    }

    private final ODataFilter filter;
    /** The keys to sort by: see {@link #sortKeys(List, EntityType)}. */
    private final List<OrderKey> sortKeys;
    private final Integer top;
    private final int skip;
    private final boolean count;
    private final List<String> select;
    private final List<Literal> skipToken;

    private ODataQuery(ODataFilter filter, List<OrderKey> sortKeys, Integer top, int skip, boolean count,
                       List<String> select, List<Literal> skipToken) {
        this.filter = filter;
        this.sortKeys = sortKeys;
        this.top = top;
        this.skip = skip;
        this.count = count;
        this.select = select;
        this.skipToken = skipToken;
    }

    /**
     * The query options of a request to a collection of entities of this type.
     *
     * @throws io.deploykit.emulator.http.HttpError 400 when an option is not valid or not supported
     */
    public static ODataQuery of(Exchange exchange, EntityType type) {
        Map<String, String> options = UrlEncoding.parseForm(exchange.rawQuery());
        for (String name : options.keySet()) {
            if (name.startsWith("$") && !SUPPORTED.contains(name) && !IGNORED.contains(name)) {
                throw ODataErrors.badRequest("The query parameter '" + name + "' is not supported");
            }
        }
        ODataFilter filter = ODataFilter.parse(options.get("$filter"), type);
        List<OrderKey> sortKeys = sortKeys(orderBy(options.get("$orderby"), type), type);
        return new ODataQuery(filter, sortKeys, nonNegative(options.get("$top"), "$top"),
                nullToZero(nonNegative(options.get("$skip"), "$skip")), count(options.get("$count")),
                select(options.get("$select"), type), skipToken(options.get("$skiptoken"), sortKeys));
    }

    /**
     * The entity a request for one entity asks for: with only the properties its {@code $select} names (the other
     * options apply to collections), or as it is when it selects every property.
     *
     * @throws io.deploykit.emulator.http.HttpError 400 when the {@code $select} is not valid
     */
    public static ObjectNode selected(Exchange exchange, EntityType type, ObjectNode entity) {
        return project(entity, select(exchange.queryParam("$select"), type));
    }

    public ODataFilter filter() {
        return filter;
    }

    /**
     * Applies the options to the entities of the collection and answers the page of the result this request asks
     * for.
     *
     * @param entitySet the entity set in the {@code @odata.context}, such as {@code companies}
     */
    public void respond(Exchange exchange, String api, String entitySet, List<ObjectNode> entities, ServerPaging paging)
            throws IOException {
        Page page = page(exchange, entities, paging.pageSize(exchange), paging);
        String context = select == null ? entitySet : entitySet + "(" + String.join(",", select) + ")";
        ODataJson.list(exchange, api, context, page.items(), page.nextLink(), page.count());
    }

    Page page(Exchange exchange, List<ObjectNode> entities, int pageSize, ServerPaging paging) {
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode entity : entities) {
            if (filter.test(entity)) {
                matching.add(entity);
            }
        }
        Comparator<ObjectNode> comparator = comparator(sortKeys);
        matching.sort(comparator);
        int start = 0;
        if (skipToken != null) {
            while (start < matching.size() && compareToToken(matching.get(start)) <= 0) {
                start++;
            }
        }
        start = (int) Math.min(matching.size(), (long) start + skip);
        int end = top == null ? matching.size() : (int) Math.min(matching.size(), (long) start + top);
        int pageEnd = Math.min(end, start + pageSize);
        List<ObjectNode> items = new ArrayList<>(pageEnd - start);
        for (ObjectNode entity : matching.subList(start, pageEnd)) {
            items.add(project(entity));
        }
        String nextLink = null;
        if (pageEnd < end) {
            ObjectNode last = matching.get(pageEnd - 1);
            List<String> token = new ArrayList<>(sortKeys.size());
            for (OrderKey key : sortKeys) {
                token.add(ODataValues.write(key.kind(), last.get(key.property())));
            }
            nextLink = paging.nextLink(exchange, String.join(",", token), top == null ? null : top - items.size());
        }
        return new Page(items, nextLink, count ? (long) matching.size() : null);
    }

    /** The entity with only the selected properties (and its ETag), or as it is when nothing is selected. */
    private ObjectNode project(ObjectNode entity) {
        return project(entity, select);
    }

    private static ObjectNode project(ObjectNode entity, List<String> select) {
        if (select == null) {
            return entity;
        }
        ObjectNode projected = JsonCodec.object();
        if (entity.has("@odata.etag")) {
            projected.set("@odata.etag", entity.get("@odata.etag"));
        }
        for (var field : entity.properties()) {
            if (select.contains(field.getKey())) {
                projected.set(field.getKey(), field.getValue());
            }
        }
        return projected;
    }

    /** The order asked for, then the type's own order (its key), so that every entity has one place. */
    private static List<OrderKey> sortKeys(List<OrderKey> order, EntityType type) {
        List<OrderKey> keys = new ArrayList<>(order);
        if (keys.stream().noneMatch(key -> key.property().equals(type.defaultOrder()))) {
            keys.add(new OrderKey(type.defaultOrder(), type.require(type.defaultOrder()), false));
        }
        return List.copyOf(keys);
    }

    private static Comparator<ObjectNode> comparator(List<OrderKey> keys) {
        return (a, b) -> {
            for (OrderKey key : keys) {
                int c = ODataValues.compare(key.kind(), a.get(key.property()), b.get(key.property()));
                if (c != 0) {
                    return key.descending() ? -c : c;
                }
            }
            return 0;
        };
    }

    private int compareToToken(ObjectNode entity) {
        for (int i = 0; i < sortKeys.size(); i++) {
            OrderKey key = sortKeys.get(i);
            int c = ODataValues.compare(key.kind(), entity.get(key.property()), skipToken.get(i).value());
            if (c != 0) {
                return key.descending() ? -c : c;
            }
        }
        return 0;
    }

    private static List<OrderKey> orderBy(String text, EntityType type) {
        List<OrderKey> keys = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return keys;
        }
        List<Token> tokens = ODataValues.tokenize(text, "$orderby");
        int i = 0;
        while (true) {
            if (i >= tokens.size()) {
                throw ODataValues.syntaxError("$orderby", text.length(), text);
            }
            Token name = tokens.get(i++);
            if (!name.is(Token.Type.WORD) || !NAME.matcher(name.text()).matches()) {
                throw ODataValues.syntaxError("$orderby", name.position(), text);
            }
            EntityType.Kind kind = type.require(name.text());
            boolean descending = false;
            if (i < tokens.size() && (tokens.get(i).isWord("asc") || tokens.get(i).isWord("desc"))) {
                descending = tokens.get(i++).isWord("desc");
            }
            keys.add(new OrderKey(name.text(), kind, descending));
            if (i == tokens.size()) {
                return keys;
            }
            Token comma = tokens.get(i++);
            if (!comma.is(Token.Type.COMMA)) {
                throw ODataValues.syntaxError("$orderby", comma.position(), text);
            }
        }
    }

    private static List<String> select(String text, EntityType type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> selected = new LinkedHashSet<>();
        for (String item : text.split(",", -1)) {
            String name = item.trim();
            if (name.equals("*")) {
                return null;
            }
            if (!NAME.matcher(name).matches()) {
                throw ODataValues.syntaxError("$select", text.indexOf(item), text);
            }
            type.require(name);
            selected.add(name);
        }
        return List.copyOf(selected);
    }

    private static Integer nonNegative(String text, String option) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        if (!NON_NEGATIVE.matcher(value).matches() || Long.parseLong(value) > Integer.MAX_VALUE) {
            throw ODataErrors.badRequest("Invalid value '" + text + "' for " + option + " query option found. The "
                                         + option + " query option requires a non-negative integer value");
        }
        return Integer.parseInt(value);
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static boolean count(String text) {
        if (text == null) {
            return false;
        }
        if (text.trim().equalsIgnoreCase("true")) {
            return true;
        }
        if (text.trim().equalsIgnoreCase("false")) {
            return false;
        }
        throw ODataErrors.badRequest("'" + text + "' is not a valid count option");
    }

    /** The literals of a skip token, one per sort key; 400 when it is not one this order could have written. */
    private static List<Literal> skipToken(String text, List<OrderKey> keys) {
        if (text == null) {
            return null;
        }
        List<Token> tokens = ODataValues.tokenize(text, "$skiptoken");
        List<Literal> literals = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (i % 2 == 1) {
                if (!token.is(Token.Type.COMMA)) {
                    throw invalidSkipToken(text);
                }
                continue;
            }
            Literal literal = ODataValues.literal(token);
            if (literal == null || literals.size() >= keys.size() || !literal.fits(keys.get(literals.size()).kind())) {
                throw invalidSkipToken(text);
            }
            literals.add(literal);
        }
        if (literals.size() != keys.size() || tokens.size() % 2 == 0) {
            throw invalidSkipToken(text);
        }
        return literals;
    }

    private static RuntimeException invalidSkipToken(String text) {
        return ODataErrors.badRequest("The skip token value '" + text + "' is not valid");
    }
}
