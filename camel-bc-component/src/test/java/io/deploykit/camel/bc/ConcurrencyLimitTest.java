package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.deploykit.emulator.bc.limits.BcLimits;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * Business Central processes 5 requests of one user at once and queues a few more. A burst of uploads is held to
 * that by default, so none is refused for it, even by a service that queues little. (Without the cap, the burst of
 * the second test was refused in 5 of 6 runs: how often depends on how the uploads overlap, so it is no test.)
 */
class ConcurrencyLimitTest extends BcTestSupport {

    private static final int BURST = 20;

    @AfterEach
    void usualLimits() {
        emulator.setLimits(BcLimits.BUSINESS_CENTRAL_ONLINE);
    }

    /** Uploads sent together; returns how many requests the service refused for too many at once. */
    private long burstOfUploads(BcLimits limits, String uriOptions, boolean mustSucceed) throws Exception {
        emulator.setLimits(limits);
        long refusedBefore = emulator.throttledRequests().queueFull();
        List<CompletableFuture<Exchange>> uploads = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String code = newCode("CAP");
            File file = RapidStartFiles.writeOfSize(dir.resolve(code + ".rapidstart"), code, 2L << 20).file().toFile();
            uploads.add(template.asyncSend("bc:configurationPackage?operation=upload&retryDelay=10" + uriOptions,
                    exchange -> exchange.getMessage().setBody(file)));
        }
        for (CompletableFuture<Exchange> upload : uploads) {
            Exchange done = upload.get(60, TimeUnit.SECONDS);
            if (mustSucceed) {
                assertNull(done.getException(), "every upload succeeds");
            }
        }
        return emulator.throttledRequests().queueFull() - refusedBefore;
    }

    @Test
    void byDefaultABurstStaysWithinBusinessCentralsFiveRequestsAtOnce() throws Exception {
        // a small queue: an answer reaches the client a moment before the service counts its request done
        assertEquals(0, burstOfUploads(BcLimits.BUSINESS_CENTRAL_ONLINE.withMaxQueuedRequests(2), "", true),
                "no request refused for too many at once (the service queues only 2 more here, not 95)");
    }

    /**
     * Beyond its requests per window the service answers 429 with the seconds until a slot frees: the create, the
     * import and the apply, which are never sent twice blindly, are sent again after that wait like the reads, and the
     * deploy completes with each of them taken once.
     */
    @Test
    void aDeployBeyondTheRequestWindowWaitsOutItsRetryAfterAndRunsEachStepOnce() throws Exception {
        emulator.setLimits(BcLimits.BUSINESS_CENTRAL_ONLINE.withRequestsPerWindow(3).withWindow(Duration.ofSeconds(1)));
        String code = newCode("WINDOW");
        File file = RapidStartFiles.write(dir.resolve(code + ".rapidstart"), code, "Window", 1, 2).file().toFile();
        long refusedBefore = emulator.throttledRequests().windowExceeded();

        Exchange done = template.send("bc:configurationPackage?operation=deploy&pollInterval=300&maxRetryDelay=5s",
                exchange -> exchange.getMessage().setBody(file));

        assertNull(done.getException(), "the deploy completes");
        assertTrue(emulator.throttledRequests().windowExceeded() > refusedBefore, "the window refused some requests");
        assertTrue(emulator.requests().stream().anyMatch(r -> r.status() == 429), "answered 429 as documented");
        assertEquals(1, emulator.imports().stream().filter(i -> i.packageCode().equalsIgnoreCase(code)).count());
        assertEquals(1, emulator.applies().stream().filter(a -> a.packageCode().equalsIgnoreCase(code)).count());
        assertEquals("Completed", stored(code).orElseThrow().applyStatus());
    }

    @Test
    void aCapOfOneHoldsABurstToAServiceThatProcessesOneAtOnce() throws Exception {
        BcLimits oneAtOnce = BcLimits.BUSINESS_CENTRAL_ONLINE.withMaxConcurrentRequests(1).withMaxQueuedRequests(1);
        assertEquals(0, burstOfUploads(oneAtOnce, "&maxConcurrentRequests=1", true), "with the cap, nothing is refused");
    }
}
