package io.deploykit.emulator.bc;

import static io.deploykit.emulator.TestHttp.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.RunningEmulator;

/** Lists longer than the page size come in pages linked by @odata.nextLink, as Business Central pages them. */
class ServerPagingTest {

    private static final int PACKAGES = 7;

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().maxPageSize(3).start());

    private static BcEmulator emulator;
    private static BcClient client;
    private static String company;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
        company = emulator.company("CRONUS USA, Inc.").id();
        for (int i = PACKAGES; i > 0; i--) { // created out of order: pages follow the code order
            assertEquals(201, client.post(BcClient.packages(company), "{\"code\":\"PAGE-" + i + "\"}").status());
        }
    }

    @Test
    void followingNextLinkGivesEveryPackageOnceInCodeOrder() {
        List<String> codes = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = emulator.serviceRootUrl() + BcClient.packages(company);
        while (next != null) {
            JsonNode page = get(next, null);
            page.get("value").forEach(pkg -> codes.add(pkg.get("code").asText()));
            pageSizes.add(page.get("value").size());
            next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }

        assertEquals(List.of("PAGE-1", "PAGE-2", "PAGE-3", "PAGE-4", "PAGE-5", "PAGE-6", "PAGE-7"), codes);
        assertEquals(List.of(3, 3, 1), pageSizes);
    }

    @Test
    void aPreferredSmallerPageSizeIsAppliedAndAFilterKeptAcrossPages() {
        String filtered = emulator.serviceRootUrl() + BcClient.packages(company) + "?$filter="
                          + encode("packageName eq ''");
        Response first = BcClient.send(request(filtered, "odata.maxpagesize=2").build());
        assertEquals("odata.maxpagesize=2", first.header("Preference-Applied"));
        assertEquals(2, first.json().get("value").size());
        String next = first.json().get("@odata.nextLink").asText();
        assertTrue(next.contains("$filter=") && next.contains("skiptoken="), next);

        JsonNode second = get(next, "odata.maxpagesize=2");
        assertEquals("PAGE-3", second.get("value").get(0).get("code").asText());
    }

    @Test
    void aShortListHasNoNextLinkAndTheSizeCanChangeWhileRunning() {
        emulator.setMaxPageSize(100);
        try {
            JsonNode all = get(emulator.serviceRootUrl() + BcClient.packages(company), null);
            assertEquals(PACKAGES, all.get("value").size());
            assertFalse(all.has("@odata.nextLink"));
            assertNull(all.get("@odata.nextLink"));
        } finally {
            emulator.setMaxPageSize(3);
        }
        assertThrows(IllegalArgumentException.class, () -> emulator.setMaxPageSize(0));
    }

    private static JsonNode get(String url, String prefer) {
        Response response = BcClient.send(request(url, prefer).build());
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    private static HttpRequest.Builder request(String url, String prefer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + client.token()).GET();
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return request;
    }
}
