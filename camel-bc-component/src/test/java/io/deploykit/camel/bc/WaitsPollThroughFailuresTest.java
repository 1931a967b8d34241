package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** A wait for a job polls through failed polls; only a package missing from three polls in a row ends it. */
class WaitsPollThroughFailuresTest extends BcTestSupport {

    private static final String DEPLOY = "bc:configurationPackage?operation=deploy";
    private static final String BY_ID = ".*/configurationPackages\\(.*\\)";

    private long polls(String packageId, int status) {
        return emulator.requests().stream().filter(r -> r.method().equals("GET") && r.status() == status
                && r.path().contains("configurationPackages(" + packageId + ")")).count();
    }

    @Test
    void pollsRefusedOneAfterTheOtherDoNotEndTheWait() throws Exception {
        String code = newCode("POLL503");
        emulator.faults().matching("GET", BY_ID).serviceUnavailable(4, null);

        Exchange result = send(DEPLOY + "&maxRetries=0", RapidStartFiles.write(dir.resolve("p.rapidstart"), code, "P", 1, 1)
                .file().toFile(), null, null);

        assertNull(result.getException());
        assertEquals("Completed", result.getMessage().getHeader(BcConstants.APPLY_STATUS));
        assertEquals(4, polls(stored(code).orElseThrow().id(), 503), "four failed polls, none sent again at once");
    }

    @Test
    void aPackageDeletedWhileItsImportIsWaitedForEndsTheWaitAfterThreePolls() throws Exception {
        String code = newCode("DELETED");
        emulator.faults().stickJobs(true);
        Future<Exchange> deploy = template.asyncSend(DEPLOY, exchange -> exchange.getMessage()
                .setBody(RapidStartFiles.write(dir.resolve("d.rapidstart"), code, "D", 1, 1).file().toFile()));
        waitFor("the import of " + code + " is scheduled", () -> stored(code)
                .filter(p -> p.importStatus().equals("Scheduled")).isPresent());
        String id = stored(code).orElseThrow().id();

        template.requestBodyAndHeader("bc:configurationPackage?operation=delete", null, BcConstants.PACKAGE_ID, id);

        Exchange result = deploy.get(10, TimeUnit.SECONDS);
        NotFoundException gone = assertInstanceOf(NotFoundException.class, failure(result));
        assertTrue(gone.getMessage().contains(id), gone.getMessage());
        assertEquals(3, polls(id, 404));
    }
}
