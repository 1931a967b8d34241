package io.deploykit.emulator.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.TestHttp;

/** Filters, the malformed-filter quirk, sorting, pagination and versions, over a known set of packages. */
class PackageListTest {

    /** 5 packages of the extensions list-a and list-b, then 30 of others. */
    private static final int TOTAL = 35;

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().start());

    private static ReactorEmulator emulator;
    private static ReactorClient client;
    private static String listAWebDevelopment;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new ReactorClient(emulator);
        emulator.seedPackage("list-a", "0.9.0", "web", "private");
        listAWebDevelopment = emulator.seedPackage("list-a", "1.0.0", "web", "development").id();
        emulator.seedPackage("list-a", "1.0.0", "edge", "development");
        emulator.seedPackage("list-b", "2.0.0", "web", "development");
        emulator.seedPackage("List-A", "3.0.0", "web", "public");
        for (int i = 0; i < TOTAL - 5; i++) {
            emulator.seedPackage(String.format("other-%02d", i), "1.0." + i, "web", "private");
        }
    }

    @Test
    void equalsFiltersAreExactAndCaseSensitive() {
        assertEquals(List.of("list-a", "list-a", "list-a"), names("filter[name]=EQ list-a"));
        assertEquals(2, names("filter[name]=EQ list-a&filter[platform]=EQ web").size());
        JsonNode development = list("filter[name]=EQ list-a&filter[platform]=EQ web&filter[availability]=EQ "
                                    + "development&filter[status]=EQ succeeded&page[size]=1").path("data");
        assertEquals(1, development.size());
        assertEquals(listAWebDevelopment, development.path(0).get("id").asText());
        assertEquals(List.of("List-A"), names("filter[name]=EQ List-A"));
        assertEquals(List.of(), names("filter[name]=EQ list"));
    }

    @Test
    void notContainsAndComparisonsFilterToo() {
        assertEquals(List.of("list-a"), names("filter[platform]=NOT web"));
        assertEquals(List.of("list-a", "list-a", "list-a", "list-b"), names("filter[name]=CONTAINS list-"));
        assertEquals(List.of("list-b", "List-A"), names("filter[version]=GT 1.0.29"));
        assertEquals(List.of("other-00", "other-01"), names("filter[version]=LT 1.0.2&filter[name]=CONTAINS other"));
        assertEquals(List.of("other-10", "other-11"), names("filter[version]=BETWEEN 1.0.10,1.0.11"));
    }

    @Test
    void aMalformedFilterIsIgnoredAndEverythingComesBack() {
        for (String malformed : List.of("filter[name]=LIKE list-a", "filter[name]=EQ", "filter[name]=EQ ",
                "filter[name]=eq list-a", "filter[flavour]=EQ list-a", "filter[version]=BETWEEN 1.0.0")) {
            assertEquals(TOTAL, list(malformed).path("meta").path("pagination").path("total_count").asInt(),
                    malformed);
        }
        assertEquals(List.of("list-b"), names("filter[flavour]=LIKE x&filter[name]=EQ list-b"),
                "the well-formed filters still apply");
    }

    @Test
    void pagesDefaultTo25AndCarryThePagination() {
        JsonNode first = list("");
        assertEquals(25, first.path("data").size());
        assertPagination(first, 1, 2, null, 2);

        JsonNode second = list("page[number]=2");
        assertEquals(TOTAL - 25, second.path("data").size());
        assertPagination(second, 2, null, 1, 2);

        JsonNode middle = list("page[size]=10&page[number]=2");
        assertEquals(10, middle.path("data").size());
        assertPagination(middle, 2, 3, 1, 4);
        assertEquals("other-05", middle.path("data").path(0).path("attributes").path("name").asText());

        JsonNode beyond = list("page[size]=100&page[number]=3");
        assertEquals(0, beyond.path("data").size());
        assertEquals(TOTAL, list("page[size]=100").path("data").size());
    }

    @Test
    void aPageParameterOutOfRangeIsRefused() {
        for (String query : List.of("page[size]=101", "page[size]=0", "page[size]=ten", "page[number]=0")) {
            ApiResponse refused = client.get("/extension_packages?" + encode(query));
            assertEquals(400, refused.status(), query);
            assertEquals("invalid-parameter", refused.errorCode());
            assertEquals(query.substring(0, query.indexOf('=')),
                    refused.error().path("source").path("parameter").asText());
        }
    }

    @Test
    void sortsByAttributesEitherWay() {
        assertEquals(List.of("List-A", "list-a", "list-a", "list-a", "list-b"),
                names("sort=name&page[size]=5"));
        List<String> newestFirst = names("sort=-created_at&page[size]=3");
        assertEquals(List.of("other-29", "other-28", "other-27"), newestFirst);
        assertEquals(List.of("3.0.0", "2.0.0", "1.0.29"), versions("sort=-version&page[size]=3"));
        assertEquals(List.of("0.9.0", "1.0.0", "1.0.0"), versions("sort=version,platform&page[size]=3"));
        assertEquals("edge", list("sort=version,platform&page[size]=3").path("data").path(1).path("attributes")
                .path("platform").asText(), "platform breaks the tie");
        ApiResponse unknown = client.get("/extension_packages?sort=flavour");
        assertEquals(400, unknown.status());
        assertEquals("sort", unknown.error().path("source").path("parameter").asText());
    }

    @Test
    void versionsAreThePackagesOfTheSameNameAndPlatform() {
        ApiResponse response = client.get("/extension_packages/" + listAWebDevelopment + "/versions");

        assertEquals(200, response.status(), response::toString);
        List<String> versions = new ArrayList<>();
        response.json().path("data").forEach(pkg -> versions.add(pkg.path("attributes").path("version").asText()
                                                                  + " " + pkg.path("attributes").path("platform")
                                                                          .asText()));
        assertEquals(List.of("0.9.0 web", "1.0.0 web"), versions);
        assertEquals(2, response.json().path("meta").path("pagination").path("total_count").asInt());
        assertEquals(404, client.get("/extension_packages/EP" + "1".repeat(32) + "/versions").status());
    }

    private static void assertPagination(JsonNode list, int current, Integer next, Integer previous, int pages) {
        JsonNode pagination = list.path("meta").path("pagination");
        assertEquals(current, pagination.get("current_page").asInt());
        assertEquals(next == null, pagination.get("next_page").isNull(), pagination::toString);
        assertEquals(previous == null, pagination.get("prev_page").isNull(), pagination::toString);
        if (next != null) {
            assertEquals(next, pagination.get("next_page").asInt());
        }
        if (previous != null) {
            assertEquals(previous, pagination.get("prev_page").asInt());
        }
        assertEquals(pages, pagination.get("total_pages").asInt());
        assertEquals(TOTAL, pagination.get("total_count").asInt());
    }

    private static List<String> names(String query) {
        return attribute(query, "name");
    }

    private static List<String> versions(String query) {
        return attribute(query, "version");
    }

    private static List<String> attribute(String query, String attribute) {
        List<String> values = new ArrayList<>();
        list(query).path("data").forEach(pkg -> values.add(pkg.path("attributes").path(attribute).asText()));
        return values;
    }

    private static JsonNode list(String query) {
        ApiResponse response = client.get("/extension_packages?" + encode(query));
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.json().path("data").isArray());
        return response.json();
    }

    /** Encodes each value of a readable query such as {@code filter[name]=EQ x&sort=name}, as a client would. */
    private static String encode(String query) {
        if (query.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            pairs.add(TestHttp.encode(pair.substring(0, eq)) + "=" + TestHttp.encode(pair.substring(eq + 1)));
        }
        return String.join("&", pairs);
    }
}
