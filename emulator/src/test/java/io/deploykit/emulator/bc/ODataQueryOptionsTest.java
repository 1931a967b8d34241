package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.RunningEmulator;

/**
 * A client written from the OData 4.0 rules and Business Central's API pages alone, using the system query options
 * on the collections of the API: {@code $top}, {@code $skip}, {@code $select}, {@code $orderby}, {@code $count},
 * {@code $filter}, and the server-driven paging that cuts long results ({@code @odata.nextLink}).
 */
class ODataQueryOptionsTest {

    /** Packages PKG-1..PKG-7 and a page size of 3, so that results of more than 3 come in pages. */
    private static final int PACKAGES = 7;
    private static final int PAGE_SIZE = 3;

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().maxPageSize(PAGE_SIZE).start());

    private static BcEmulator emulator;
    private static BcClient client;
    private static String company;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
        company = emulator.company("CRONUS USA, Inc.").id();
        for (int i = PACKAGES; i > 0; i--) {
            // names that sort the other way round from the codes, two of them alike
            String name = i <= 2 ? "Shared" : "Name " + (char) ('Z' - i);
            Response created = client.post(BcClient.packages(company),
                    "{\"code\":\"PKG-" + i + "\",\"packageName\":\"" + name + "\",\"languageId\":" + (1030 + i) + "}");
            assertEquals(201, created.status(), created::toString);
        }
    }

    @Test
    void topAndSkipReturnTheWindowAskedFor() {
        assertEquals(List.of("PKG-2"), codes(list("$top=1&$skip=1")));
        assertEquals(List.of("PKG-1", "PKG-2"), codes(list("$top=2")));
        assertEquals(List.of("PKG-6", "PKG-7"), codes(list("$skip=5")));
        assertEquals(List.of(), codes(list("$skip=7")));
        assertEquals(List.of(), codes(list("$top=0")));
    }

    @Test
    void aClientPagingWithTopAndSkipReachesTheEndOnce() {
        List<String> seen = new ArrayList<>();
        int requests = 0;
        for (int skip = 0; ; skip += 2) {
            List<String> page = codes(list("$top=2&$skip=" + skip));
            requests++;
            assertTrue(requests <= PACKAGES, "paging must end");
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
        }
        assertEquals(List.of("PKG-1", "PKG-2", "PKG-3", "PKG-4", "PKG-5", "PKG-6", "PKG-7"), seen);
        assertEquals(5, requests, "four pages of at most two, then an empty one");
    }

    @Test
    void selectTrimsThePropertiesButKeepsTheETag() {
        JsonNode answer = list("$select=code,importStatus&$top=1");
        JsonNode pkg = answer.get("value").get(0);

        assertEquals(Set.of("@odata.etag", "code", "importStatus"), names(pkg));
        assertEquals("No", pkg.get("importStatus").asText());
        assertTrue(answer.get("@odata.context").asText().endsWith("/configurationPackages(code,importStatus)"),
                answer::toString);
    }

    @Test
    void orderbySortsAscendingOrDescendingOnSeveralProperties() {
        assertEquals(List.of("PKG-7", "PKG-6", "PKG-5", "PKG-4", "PKG-3", "PKG-2", "PKG-1"),
                codes(all("$orderby=code%20desc")));
        assertEquals(List.of("PKG-1", "PKG-2", "PKG-3", "PKG-4", "PKG-5", "PKG-6", "PKG-7"),
                codes(all("$orderby=languageId%20asc")));
        // by name: Name S (PKG-7) ... Name W (PKG-3), then the two Shared, the later code first
        assertEquals(List.of("PKG-7", "PKG-6", "PKG-5", "PKG-4", "PKG-3", "PKG-2", "PKG-1"),
                codes(all("$orderby=packageName,code%20desc")));
    }

    @Test
    void countGivesTheNumberOfEntitiesTheFilterLetsThroughWhateverTheWindow() {
        JsonNode counted = list("$count=true&$top=1&$filter=" + encode("packageName eq 'Shared'"));

        assertEquals(2, counted.get("@odata.count").asLong());
        assertEquals(1, counted.get("value").size());
        assertFalse(list("$count=false").has("@odata.count"));
        assertFalse(list("").has("@odata.count"));
    }

    @Test
    void filterCombinesEqNeAndOrWithParentheses() {
        assertEquals(List.of("PKG-1", "PKG-7"),
                codes(all("$filter=" + encode("code eq 'PKG-7' or code eq 'pkg-1'"))));
        assertEquals(List.of("PKG-2"),
                codes(all("$filter=" + encode("packageName eq 'Shared' and (languageId ne 1031)"))));
        assertEquals(List.of("PKG-1", "PKG-3"), codes(all("$filter=" + encode(
                "(code eq 'PKG-1' or code eq 'PKG-3') and (importStatus eq 'No' or importStatus eq 'Completed')"))));
        assertEquals(5, all("$filter=" + encode("packageName ne 'Shared'")).size());
    }

    @Test
    void serverPagingFollowsTheQueryOptions() {
        // $top beyond the page size: the next link carries what is left of it
        List<JsonNode> pages = pages("$top=5");
        assertEquals(List.of(3, 2), pages.stream().map(page -> page.get("value").size()).toList());
        assertEquals(List.of("PKG-1", "PKG-2", "PKG-3", "PKG-4", "PKG-5"), codes(flatten(pages)));

        // an order, a skip and a count: every page keeps the order, the count is the whole result's
        List<JsonNode> ordered = pages("$orderby=code%20desc&$skip=1&$count=true&$select=code");
        assertEquals(List.of("PKG-6", "PKG-5", "PKG-4", "PKG-3", "PKG-2", "PKG-1"), codes(flatten(ordered)));
        ordered.forEach(page -> assertEquals(PACKAGES, page.get("@odata.count").asInt(), page::toString));
        ordered.forEach(page -> page.get("value").forEach(pkg -> assertEquals(Set.of("@odata.etag", "code"),
                names(pkg))));
    }

    @Test
    void aPackageCreatedBetweenPagesComesOnALaterPageAndNoneRepeats() {
        JsonNode first = list("$orderby=code%20desc");
        String next = first.get("@odata.nextLink").asText();
        Response created = client.post(BcClient.packages(company), "{\"code\":\"PKG-0\"}");
        assertEquals(201, created.status(), created::toString);
        try {
            List<String> rest = new ArrayList<>();
            while (next != null) {
                JsonNode page = get(next);
                rest.addAll(codes(page.get("value")));
                next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
            }
            assertEquals(List.of("PKG-7", "PKG-6", "PKG-5"), codes(first.get("value")));
            assertEquals(List.of("PKG-4", "PKG-3", "PKG-2", "PKG-1", "PKG-0"), rest);
        } finally {
            String id = emulator.packageByCode(company, "PKG-0").orElseThrow().id();
            assertEquals(204, client.delete(BcClient.pkg(company, id), "*").status());
        }
    }

    @Test
    void everyCollectionTakesTheOptions() {
        String items = "/api/v2.0/companies(" + company + ")/items";
        JsonNode tables = get(emulator.serviceRootUrl() + items + "?$filter=" + encode("itemCategoryCode eq 'TABLE'")
                              + "&$select=number,unitPrice&$count=true");
        assertEquals(1, tables.get("@odata.count").asInt());
        assertEquals("1896-S", tables.get("value").get(0).get("number").asText());
        assertEquals(1000.8, tables.get("value").get(0).get("unitPrice").asDouble());

        JsonNode cheapestFirst = get(emulator.serviceRootUrl() + items + "?$orderby=unitPrice&$top=2&$select=number");
        assertEquals(List.of("1900-S", "1906-S"), numbers(cheapestFirst));

        JsonNode companies = get(emulator.serviceRootUrl() + "/api/v2.0/companies?$orderby=name%20desc&$top=1");
        assertEquals("My Company", companies.get("value").get(0).get("name").asText());

        JsonNode customers = get(emulator.serviceRootUrl() + "/api/v2.0/companies(" + company + ")/customers"
                                 + "?$skip=1&$top=1&$select=number");
        assertEquals(List.of("20000"), numbers(customers));

        JsonNode pkg = list("$top=1").get("value").get(0);
        JsonNode files = get(emulator.serviceRootUrl() + BcClient.pkg(company, pkg.get("id").asText())
                             + "/file?$count=true");
        assertEquals(1, files.get("@odata.count").asInt());
    }

    @Test
    void whatOdataRefusesIsA400() {
        assertRefused("$top=-1", "BadRequest", "Invalid value '-1' for $top query option found");
        assertRefused("$skip=abc", "BadRequest", "$skip query option requires a non-negative integer");
        assertRefused("$count=maybe", "BadRequest", "'maybe' is not a valid count option");
        assertRefused("$select=colour", "BadRequest", "Could not find a property named 'colour'");
        assertRefused("$orderby=colour", "BadRequest", "Could not find a property named 'colour'");
        assertRefused("$orderby=code%20sideways", "BadRequest_NotFound", "Syntax error");
        assertRefused("$filter=" + encode("languageId gt 1"), "BadRequest_NotFound", "Syntax error");
        assertRefused("$filter=" + encode("contains(code,'1')"), "BadRequest_NotFound", "Syntax error");
        assertRefused("$expand=file", "BadRequest", "The query parameter '$expand' is not supported");
        assertRefused("$skiptoken=" + encode("'x',1"), "BadRequest", "The skip token value");
    }

    @Test
    void answersSayTheyAreOData4() {
        Response listed = client.get(BcClient.packages(company) + "?$top=1");
        Response refused = client.get(BcClient.packages(company) + "?$top=-1");

        assertEquals("4.0", listed.header("OData-Version"));
        assertEquals("4.0", refused.header("OData-Version"));
    }

    private static void assertRefused(String query, String code, String message) {
        Response response = client.get(BcClient.packages(company) + "?" + query);
        assertEquals(400, response.status(), response::toString);
        assertEquals(code, response.errorCode(), response::toString);
        assertTrue(response.errorMessage().contains(message), response::toString);
        assertFalse(response.errorMessage().toLowerCase().contains("emulator"), response::toString);
    }

    /** The first page of the packages with these options. */
    private static JsonNode list(String query) {
        return get(emulator.serviceRootUrl() + BcClient.packages(company) + (query.isEmpty() ? "" : "?" + query));
    }

    /** Every page of the result, following the next links. */
    private static List<JsonNode> pages(String query) {
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = list(query);
        pages.add(page);
        while (page.hasNonNull("@odata.nextLink")) {
            assertTrue(pages.size() <= PACKAGES, "the links must end");
            page = get(page.get("@odata.nextLink").asText());
            pages.add(page);
        }
        return pages;
    }

    /** The entities of every page. */
    private static JsonNode all(String query) {
        return flatten(pages(query));
    }

    private static JsonNode flatten(List<JsonNode> pages) {
        var all = io.deploykit.emulator.http.JsonCodec.MAPPER.createArrayNode();
        pages.forEach(page -> all.addAll((com.fasterxml.jackson.databind.node.ArrayNode) page.get("value")));
        return all;
    }

    private static JsonNode get(String url) {
        Response response = BcClient.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + client.token()).GET().build());
        assertEquals(200, response.status(), response::toString);
        assertNull(response.json().get("error"));
        return response.json();
    }

    private static List<String> codes(JsonNode listAnswerOrValues) {
        JsonNode values = listAnswerOrValues.has("value") ? listAnswerOrValues.get("value") : listAnswerOrValues;
        List<String> codes = new ArrayList<>();
        values.forEach(pkg -> codes.add(pkg.get("code").asText()));
        return codes;
    }

    private static List<String> numbers(JsonNode answer) {
        List<String> numbers = new ArrayList<>();
        answer.get("value").forEach(record -> numbers.add(record.get("number").asText()));
        return numbers;
    }

    private static Set<String> names(JsonNode entity) {
        Set<String> names = new TreeSet<>();
        entity.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A query option's value, percent-encoded as RFC 3986 has it (a space is %20). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
