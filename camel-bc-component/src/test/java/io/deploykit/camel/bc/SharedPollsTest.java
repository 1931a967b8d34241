package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** Jobs waited for at once in one company are polled with one list request, not one request each. */
class SharedPollsTest extends BcTestSupport {

    private static final int DEPLOYS = 20;
    private static final long POLL_MILLIS = 200;
    private static final String DEPLOY = "bc:configurationPackage?operation=deploy&pollInterval=" + POLL_MILLIS;

    @AfterEach
    void releaseJobs() {
        emulator.faults().stickJobs(false);
    }

    @Test
    void concurrentWaitsShareOneListRequestPerPoll() throws Exception {
        emulator.faults().stickJobs(true);
        List<String> codes = new ArrayList<>();
        List<CompletableFuture<Exchange>> deploys = new ArrayList<>();
        for (int i = 0; i < DEPLOYS; i++) {
            String code = newCode("SHARED");
            codes.add(code);
            File file = RapidStartFiles.write(dir.resolve(code + ".rapidstart"), code, "Shared " + i, 1, 2).file().toFile();
            deploys.add(template.asyncSend(DEPLOY, exchange -> exchange.getMessage().setBody(file)));
        }
        awaitCondition("all " + DEPLOYS + " imports scheduled", () -> scheduledImports(codes) == DEPLOYS);

        emulator.clearRequests();
        long windowStart = System.nanoTime();
        Thread.sleep(1_000); // a window of polling to count the requests in
        long lists = emulator.requestCount("packages.list");
        long gets = emulator.requestCount("packages.get");
        long windowMillis = (System.nanoTime() - windowStart) / 1_000_000;

        long pollsOneByOne = DEPLOYS * windowMillis / POLL_MILLIS; // about 100
        long sharedAtMost = windowMillis / (POLL_MILLIS / 4) + 2;  // one list per quarter interval, about 22
        assertEquals(0, gets, "every package waited for is in the shared list");
        assertTrue(lists >= 1 && lists <= sharedAtMost, lists + " list requests in " + windowMillis + " ms");
        assertTrue(lists * 4 <= pollsOneByOne, lists + " list requests against " + pollsOneByOne + " polls one by one");

        emulator.faults().stickJobs(false);
        for (CompletableFuture<Exchange> deploy : deploys) {
            Exchange done = deploy.get(30, TimeUnit.SECONDS);
            assertNull(done.getException());
            assertEquals("Completed", done.getMessage().getBody(ConfigurationPackage.class).getApplyStatus());
        }
    }

    @Test
    void aPackageDeletedWhileWaitedForIsReadByIdAndItsWaitFailsAsNotFound() throws Exception {
        emulator.faults().stickJobs(true);
        String kept = newCode("KEPT");
        String deleted = newCode("GONE");
        File keptFile = RapidStartFiles.write(dir.resolve("kept.rapidstart"), kept, "Kept", 1, 1).file().toFile();
        File deletedFile = RapidStartFiles.write(dir.resolve("gone.rapidstart"), deleted, "Gone", 1, 1).file().toFile();
        CompletableFuture<Exchange> keptDeploy = template.asyncSend(DEPLOY, e -> e.getMessage().setBody(keptFile));
        CompletableFuture<Exchange> deletedDeploy = template.asyncSend(DEPLOY, e -> e.getMessage().setBody(deletedFile));
        awaitCondition("both imports scheduled", () -> scheduledImports(List.of(kept, deleted)) == 2);

        emulator.clearRequests();
        Exchange deletion = send("bc:configurationPackage?operation=delete", null, BcConstants.PACKAGE_CODE, deleted);
        assertNull(deletion.getException());

        Exchange failed = deletedDeploy.get(30, TimeUnit.SECONDS);
        assertInstanceOf(NotFoundException.class, failure(failed));
        assertTrue(emulator.requestCount("packages.get") >= 1, "the package missing from the list was read by its id");

        emulator.faults().stickJobs(false);
        Exchange done = keptDeploy.get(30, TimeUnit.SECONDS);
        assertNull(done.getException());
        assertEquals("Completed", done.getMessage().getBody(ConfigurationPackage.class).getApplyStatus());
    }

    @Test
    void aJobWaitedForAloneIsReadByItsId() throws Exception {
        String code = newCode("ALONE");
        File file = RapidStartFiles.write(dir.resolve("alone.rapidstart"), code, "Alone", 1, 1).file().toFile();

        Exchange done = send(DEPLOY, file, null, null);

        assertNull(done.getException());
        assertTrue(emulator.requestCount("packages.get") >= 2, "at least one poll of each job");
        assertEquals(1, emulator.requestCount("packages.list"), "the lookup by code only");
    }

    private long scheduledImports(List<String> codes) {
        return emulator.packages(companyId()).stream()
                .filter(p -> codes.contains(p.code()) && "Scheduled".equals(p.importStatus()))
                .count();
    }

    private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
