package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** Business Central refuses, stalls and drops requests; the component retries what is safe to retry. */
class BcFaultToleranceTest extends BcTestSupport {

    private static final String DEPLOY = "bc:configurationPackage?operation=deploy";
    private static final String LIST = "bc:configurationPackage?operation=list";

    @Test
    void rateLimitingWithRetryAfterIsWaitedOut() throws Exception {
        String code = newCode("RATE");
        emulator.faults().matching("POST", ".*/configurationPackages").rateLimit(2, 1);

        long started = System.nanoTime();
        Exchange result = send(DEPLOY, RapidStartFiles.write(dir.resolve("r.rapidstart"), code, "R", 1, 1).file().toFile(), null, null);

        assertNull(result.getException());
        assertEquals(2, statuses("POST", 429), "both 429s were answered by a retry");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 2_000 - 50,
                "Retry-After: 1 was honoured twice");
    }

    @Test
    void rateLimitingWithoutRetryAfterBacksOff() {
        emulator.faults().rateLimit(3, null);
        Exchange result = send(LIST, null, null, null);
        assertNull(result.getException());
        assertEquals(3, statuses("GET", 429));
    }

    @Test
    void serviceUnavailableIsRetriedEvenForActions() throws Exception {
        String code = newCode("UNAVAIL");
        emulator.faults().matching("POST", ".*Microsoft\\.NAV\\.import").serviceUnavailable(1, 1);
        Exchange result = send(DEPLOY, RapidStartFiles.write(dir.resolve("u.rapidstart"), code, "U", 1, 1).file().toFile(), null, null);
        assertNull(result.getException());
        assertEquals(1, statuses("POST", 503));
        assertEquals("Completed", result.getMessage().getBody(ConfigurationPackage.class).getApplyStatus());
    }

    @Test
    void aSlowAnswerBeyondTheResponseTimeoutIsSentAgain() {
        long injectedBefore = emulator.faults().injectedCount();
        emulator.faults().matching("GET", ".*/configurationPackages").slow(1, Duration.ofSeconds(3));
        Exchange result = send(LIST + "&responseTimeout=500", null, null, null);
        assertNull(result.getException());
        assertEquals(injectedBefore + 1, emulator.faults().injectedCount(), "the slow answer was given up on, and a second GET answered");
        assertTrue(emulator.requests().stream().anyMatch(r -> r.method().equals("GET")
                                                              && r.path().endsWith("/configurationPackages") && r.status() == 200));
    }

    @Test
    void aDroppedConnectionIsRetriedWhenItIsSafe() {
        emulator.faults().matching("GET", ".*/configurationPackages").dropConnection(1);
        Exchange result = send(LIST, null, null, null);
        assertNull(result.getException());
    }

    @Test
    void aCreateWhoseConnectionDroppedIsSentAgainOnlyAfterTheLookupFindsNoPackage() {
        String code = newCode("DROP");
        emulator.faults().matching("POST", ".*/configurationPackages").dropConnection(1);
        Exchange result = send("bc:configurationPackage?operation=create", null, BcConstants.PACKAGE_CODE, code);
        assertNull(result.getException());
        List<String> calls = emulator.requests().stream()
                .filter(r -> r.path().contains("/configurationPackages") && !r.path().contains("Microsoft.NAV"))
                .map(r -> r.method() + (r.query() != null && r.query().contains("filter") ? " lookup" : "")).toList();
        assertEquals(List.of("POST", "GET lookup", "POST"), calls, "the create, the lookup that found nothing, the create again");
        assertEquals(1, emulator.packages(companyId()).stream().filter(p -> p.code().equals(code)).count());
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheRequestSentAgain() {
        assertNull(send(LIST, null, null, null).getException());
        long tokensBefore = emulator.tokenRequestCount();
        emulator.faults().expireAllTokens();

        Exchange result = send(LIST, null, null, null);

        assertNull(result.getException());
        assertEquals(tokensBefore + 1, emulator.tokenRequestCount());
        assertEquals(1, statuses("GET", 401));
    }

    private long statuses(String method, int status) {
        List<?> matching = emulator.requests().stream().filter(r -> r.method().equals(method) && r.status() == status).toList();
        return matching.size();
    }
}
