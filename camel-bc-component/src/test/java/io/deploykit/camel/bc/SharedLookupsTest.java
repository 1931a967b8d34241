package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.error.ApiException;
import io.deploykit.emulator.bc.packages.PackageSnapshot;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.http.RecordedRequest;

/** Lookups by code that arrive together in one company share one list request after the first. */
class SharedLookupsTest extends BcTestSupport {

    private static final String UPLOAD = "bc:configurationPackage?operation=upload";
    private static final String PACKAGES = ".*/configurationPackages";
    /** Long enough for every other lookup to arrive while the first is under way. */
    private static final Duration FIRST_LOOKUP = Duration.ofMillis(2_000); // long enough for the other lookups to arrive while it is under way

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void uploadsDroppedTogetherLookUpTheirPackagesWithTwoRequests() throws Exception {
        Map<String, String> existingIds = new HashMap<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String code = newCode("LOOKUP");
            codes.add(code);
            if (i % 2 == 0) { // half of them exist already: the upload must find and reuse them
                Exchange created = send("bc:configurationPackage?operation=create", null, BcConstants.PACKAGE_CODE, code);
                existingIds.put(code, created.getMessage().getBody(ConfigurationPackage.class).getId());
            }
        }
        emulator.faults().matching("GET", PACKAGES).slow(1, FIRST_LOOKUP);
        emulator.clearRequests();

        List<CompletableFuture<Exchange>> uploads = new ArrayList<>();
        for (String code : codes) {
            File file = RapidStartFiles.write(dir.resolve(code + ".rapidstart"), code, code, 1, 2).file().toFile();
            uploads.add(template.asyncSend(UPLOAD, exchange -> exchange.getMessage().setBody(file)));
        }
        for (CompletableFuture<Exchange> upload : uploads) {
            assertNull(upload.get(30, TimeUnit.SECONDS).getException());
        }

        List<RecordedRequest> lookups = emulator.requests().stream().filter(r -> "packages.list".equals(r.route())).toList();
        assertEquals(2, lookups.size(), "one lookup alone, then one list for the nine that arrived meanwhile: " + lookups);
        assertTrue(URLDecoder.decode(lookups.get(0).query(), StandardCharsets.UTF_8).contains("code eq"), "the first is filtered by its code: " + lookups.get(0));
        assertNull(lookups.get(1).query(), "the second lists the company's packages: " + lookups.get(1));
        for (String code : codes) {
            PackageSnapshot pkg = emulator.packageByCode(companyId(), code).orElseThrow();
            assertTrue(pkg.hasFile(), code + " has its file");
            if (existingIds.containsKey(code)) {
                assertEquals(existingIds.get(code), pkg.id(), code + " existed: found and reused, not recreated");
            }
        }
        assertEquals(5, emulator.requestCount("packages.create"), "only the five missing packages are created");
    }

    @Test
    void aFailedSharedListFailsTheLookupsWaitingForItAndTheNextLookupsWork() throws Exception {
        String uri = UPLOAD + "&maxRetries=0";
        emulator.faults().matching("GET", PACKAGES).slow(1, FIRST_LOOKUP).rateLimit(1, null);
        List<CompletableFuture<Exchange>> uploads = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        long injectedBefore = emulator.faults().injectedCount(); // counted since the emulator started
        for (int i = 0; i < 4; i++) {
            String code = newCode("LISTFAIL");
            codes.add(code);
            File file = RapidStartFiles.write(dir.resolve(code + ".rapidstart"), code, code, 1, 1).file().toFile();
            uploads.add(template.asyncSend(uri, exchange -> exchange.getMessage().setBody(file)));
            if (i == 0) { // the others must arrive while the first one's lookup is under way, not before it
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (emulator.faults().injectedCount() == injectedBefore && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
        }

        assertNull(uploads.get(0).get(30, TimeUnit.SECONDS).getException(), "the first looked up alone");
        for (CompletableFuture<Exchange> waiting : uploads.subList(1, uploads.size())) {
            ApiException e = assertInstanceOf(ApiException.class, failure(waiting.get(30, TimeUnit.SECONDS)));
            assertEquals(429, e.getStatusCode());
        }

        Exchange again = send(uri, dir.resolve(codes.get(1) + ".rapidstart").toFile(), null, null);
        assertNull(again.getException(), "the company is not left waiting for a list that failed");
        assertTrue(emulator.packageByCode(companyId(), codes.get(1)).orElseThrow().hasFile());
    }
}
