package io.deploykit.emulator.reactor.packages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.emulator.http.UrlEncoding;
import io.deploykit.emulator.reactor.jsonapi.ApiProblem;

/**
 * The query of a list request: filters ({@code filter[name]=EQ x}), the order ({@code sort=-created_at,name}) and
 * the page ({@code page[size]}, 25 by default and at most 100; {@code page[number]} from 1).
 */
record ListQuery(List<PackageFilter> filters, Comparator<PackageState> order, int pageSize, int pageNumber) {

    static final int DEFAULT_PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ListQuery.class);
    private static final Comparator<PackageState> CREATION = Comparator.comparingLong(PackageState::sequence);

    /** @throws ApiProblem 400 for a page parameter out of range, or a sort by an unknown attribute */
    /** The same query with no filter: what Adobe answers when it cannot parse a filter. */
    ListQuery withoutFilters() {
        return new ListQuery(List.of(), order, pageSize, pageNumber);
    }

    static ListQuery parse(String rawQuery) {
        Map<String, String> parameters = UrlEncoding.parseForm(rawQuery);
        List<PackageFilter> filters = new ArrayList<>();
        parameters.forEach((name, expression) -> {
            if (name.startsWith("filter[") && name.endsWith("]")) {
                String attribute = name.substring("filter[".length(), name.length() - 1);
                PackageFilter.parse(attribute, expression).ifPresentOrElse(filters::add,
                        () -> LOG.debug("Ignoring the malformed filter {}={}, as Adobe does", name, expression));
            }
        });
        return new ListQuery(filters, order(parameters.get("sort")),
                positive(parameters, "page[size]", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
                positive(parameters, "page[number]", 1, Integer.MAX_VALUE));
    }

    /** The page of the matching packages this query asks for. */
    Page apply(Collection<PackageState> packages) {
        List<PackageState> matching = packages.stream().filter(pkg -> filters.stream().allMatch(f -> f.test(pkg)))
                .sorted(order).toList();
        long from = (long) (pageNumber - 1) * pageSize;
        List<PackageState> items = from >= matching.size() ? List.of()
                : matching.subList((int) from, (int) Math.min(matching.size(), from + pageSize));
        return new Page(items, pageNumber, pageSize, matching.size());
    }

    private static Comparator<PackageState> order(String sort) {
        if (sort == null || sort.isBlank()) {
            return CREATION;
        }
        Comparator<PackageState> order = null;
        for (String field : sort.split(",")) {
            boolean descending = field.startsWith("-");
            String name = descending ? field.substring(1) : field;
            PackageAttribute attribute = PackageAttribute.named(name).orElseThrow(() ->
                    ApiProblem.invalidParameter("sort", "The list cannot be sorted by '" + name + "'."));
            Comparator<PackageState> byField;
            if (attribute == PackageAttribute.CREATED_AT) {
                byField = descending ? CREATION.reversed() : CREATION; // exact where timestamps tie
            } else {
                Comparator<String> values = attribute::compare;
                byField = Comparator.comparing(attribute::valueOf,
                        Comparator.nullsLast(descending ? values.reversed() : values));
            }
            order = order == null ? byField : order.thenComparing(byField);
        }
        return order.thenComparing(CREATION);
    }

    private static int positive(Map<String, String> parameters, String name, int defaultValue, int max) {
        String text = parameters.get(name);
        if (text == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter(name, name + " must be a whole number, not '" + text + "'.");
        }
        if (value < 1 || value > max) {
            throw ApiProblem.invalidParameter(name, name + " must be between 1 and " + max + ", not " + value + ".");
        }
        return value;
    }

    /**
     * One page of a list.
     *
     * @param number     the page number, from 1
     * @param totalCount how many packages matched, on every page
     */
    record Page(List<PackageState> items, int number, int size, int totalCount) {

        int totalPages() {
            return (totalCount + size - 1) / size;
        }

        /** The next page's number, or null on the last page. */
        Integer nextPage() {
            return number < totalPages() ? number + 1 : null;
        }

        /** The previous page's number, or null on the first. */
        Integer previousPage() {
            return number > 1 ? number - 1 : null;
        }
    }
}
