package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** Lists that Business Central pages (server-driven paging, @odata.nextLink) are read to their last page. */
class PagedListsTest extends BcTestSupport {

    private static final int PAGE = 2;

    @BeforeEach
    void smallPages() {
        emulator.setMaxPageSize(PAGE);
    }

    @AfterEach
    void usualPages() {
        emulator.setMaxPageSize(20_000);
    }

    @Test
    void listReturnsThePackagesOfEveryPage() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = newCode("PAGED");
            codes.add(code);
            assertNull(send("bc:configurationPackage?operation=create", null, BcConstants.PACKAGE_CODE, code).getException());
        }
        int total = emulator.packages(companyId()).size();
        emulator.clearRequests();

        Exchange listed = send("bc:configurationPackage?operation=list", null, null, null);

        assertNull(listed.getException());
        List<?> packages = listed.getMessage().getBody(List.class);
        assertEquals(total, packages.size(), "every package of the company, from every page");
        List<String> listedCodes = packages.stream().map(p -> ((ConfigurationPackage) p).getCode()).toList();
        assertTrue(listedCodes.containsAll(codes), listedCodes + " holds " + codes);
        assertEquals((total + PAGE - 1) / PAGE, emulator.requestCount("packages.list"), "one request per page");
    }

    @Test
    void lookupsSharingAListFindPackagesOnLaterPages() throws Exception {
        Map<String, String> existingIds = new HashMap<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String code = newCode("LATER");
            codes.add(code);
            Exchange created = send("bc:configurationPackage?operation=create", null, BcConstants.PACKAGE_CODE, code);
            existingIds.put(code, created.getMessage().getBody(ConfigurationPackage.class).getId());
        }
        emulator.faults().matching("GET", ".*/configurationPackages").slow(1, Duration.ofMillis(700));

        List<CompletableFuture<Exchange>> uploads = new ArrayList<>();
        for (String code : codes) {
            File file = RapidStartFiles.write(dir.resolve(code + ".rapidstart"), code, code, 1, 1).file().toFile();
            uploads.add(template.asyncSend("bc:configurationPackage?operation=upload", e -> e.getMessage().setBody(file)));
        }
        for (CompletableFuture<Exchange> upload : uploads) {
            assertNull(upload.get(30, TimeUnit.SECONDS).getException());
        }

        for (String code : codes) {
            assertEquals(existingIds.get(code), emulator.packageByCode(companyId(), code).orElseThrow().id(),
                    code + " was found, wherever its page, and reused");
        }
    }

    @Test
    void aServerThatLinksItsPagesInACircleIsNotFollowedForever() throws Exception {
        HttpServer circle = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger pages = new AtomicInteger();
        String path = "/v2.0/api/microsoft/automation/v2.0/companies(c1)/configurationPackages";
        circle.createContext("/", exchange -> {
            pages.incrementAndGet();
            boolean first = exchange.getRequestURI().getQuery() == null || !exchange.getRequestURI().getQuery().contains("B");
            String next = "http://127.0.0.1:" + circle.getAddress().getPort() + path + "?$skiptoken=" + (first ? "B" : "A");
            byte[] body = ("{\"value\":[],\"@odata.nextLink\":\"" + next + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        circle.start();
        try {
            Exchange listed = send("bc:configurationPackage?operation=list&companyId=c1&accessToken=t&tenantId=&environment="
                                   + "&baseUrl=http://127.0.0.1:" + circle.getAddress().getPort() + "/v2.0", null, null, null);
            DeployKitException e = assertInstanceOf(DeployKitException.class, failure(listed));
            assertTrue(e.getMessage().contains("seen before"), e.getMessage());
            assertEquals(3, pages.get(), "the first page, the second, then the first again is refused before it is sent");
        } finally {
            circle.stop(0);
        }
    }

    @Test
    void aNextLinkToAnotherServerIsNotFollowed() {
        URI page = URI.create("https://api.businesscentral.dynamics.com/v2.0/t/production/api/x/configurationPackages");

        assertEquals(URI.create(page + "?$skiptoken=A"), BcApi.nextPage(page, page + "?$skiptoken=A"));
        assertEquals(URI.create(page + "?$skiptoken=B"), BcApi.nextPage(page, "configurationPackages?$skiptoken=B"));
        DeployKitException foreign = assertThrows(DeployKitException.class,
                () -> BcApi.nextPage(page, "https://elsewhere.example/steal?$skiptoken=A"));
        assertTrue(foreign.getMessage().contains("elsewhere.example"), foreign.getMessage());
        assertThrows(DeployKitException.class, () -> BcApi.nextPage(page, page.toString()), "a page linking itself");
        assertThrows(DeployKitException.class, () -> BcApi.nextPage(page, "http://api.businesscentral.dynamics.com/x"),
                "not https any more");
    }
}
