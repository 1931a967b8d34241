package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.error.JobTimeoutException;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** How each end of an import or apply job reaches the route. */
class PackageJobOutcomeTest extends BcTestSupport {

    private static final String DEPLOY = "bc:configurationPackage?operation=deploy";

    @Test
    void aCorruptPackageFailsTheImportWithBusinessCentralsError() throws Exception {
        String code = newCode("CORRUPT");
        Path file = corrupt(code);

        Exchange result = send(DEPLOY, file.toFile(), null, null);

        BcPackageFailedException e = assertInstanceOf(BcPackageFailedException.class, failure(result));
        assertEquals("import", e.getJob());
        assertTrue(e.getImportError() != null && !e.getImportError().isBlank(), "importError is carried");
        assertTrue(e.getMessage().contains(code) && e.getMessage().contains(e.getImportError()), e.getMessage());
        assertEquals("Error", result.getMessage().getHeader(BcConstants.IMPORT_STATUS));
    }

    @Test
    void anApplyErrorFailsTheExchange() throws Exception {
        String code = newCode("APPLYERR");
        emulator.faults().applyFailure(code, "Table 18 is locked by another session");

        Exchange result = send(DEPLOY, RapidStartFiles.write(dir.resolve("a.rapidstart"), code, "A", 1, 1).file().toFile(), null, null);

        BcPackageFailedException e = assertInstanceOf(BcPackageFailedException.class, failure(result));
        assertEquals("apply", e.getJob());
        assertEquals("Table 18 is locked by another session", e.getApplyError());
    }

    @Test
    void recordsThatFailValidationFailTheExchangeUnlessAccepted() throws Exception {
        String strict = newCode("PARTIAL");
        String lenient = newCode("PARTIALOK");
        emulator.faults().applyRecordErrors(strict, 3);
        emulator.faults().applyRecordErrors(lenient, 2);

        Exchange failed = send(DEPLOY, RapidStartFiles.write(dir.resolve("s.rapidstart"), strict, "S", 1, 5).file().toFile(), null, null);
        BcPackageFailedException e = assertInstanceOf(BcPackageFailedException.class, failure(failed));
        assertEquals(3, e.getNumberOfErrors());
        assertTrue(e.getMessage().contains("failOnRecordErrors=false"), e.getMessage());

        Exchange accepted = send(DEPLOY + "&failOnRecordErrors=false",
                RapidStartFiles.write(dir.resolve("l.rapidstart"), lenient, "L", 1, 5).file().toFile(), null, null);
        assertNull(accepted.getException());
        assertEquals(2, accepted.getMessage().getHeader(BcConstants.NUMBER_OF_ERRORS));
        assertEquals("Completed", accepted.getMessage().getBody(ConfigurationPackage.class).getApplyStatus());
    }

    @Test
    void aJobStuckInScheduledTimesOutNamingTheLastStatus() throws Exception {
        String code = newCode("STUCK");
        emulator.faults().stickJobs(true);
        try {
            Exchange result = send(DEPLOY + "&timeout=600", RapidStartFiles.write(dir.resolve("stuck.rapidstart"), code, "S", 1, 1).file()
                    .toFile(), null, null);
            JobTimeoutException e = assertInstanceOf(JobTimeoutException.class, failure(result));
            assertEquals("importStatus=Scheduled", e.getLastStatus());
            assertTrue(e.getMessage().contains(code), e.getMessage());
        } finally {
            emulator.faults().stickJobs(false);
        }
    }

    /** The right start (so the component accepts it) and then XML that breaks off: only the import can tell. */
    private Path corrupt(String code) throws IOException {
        Path file = dir.resolve("corrupt.rapidstart");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DataList Code=\"" + code + "\" PackageName=\"C\">"
                       + "<CustomerList><TableID>18</TableID><Customer><No>1</No></Cust").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
