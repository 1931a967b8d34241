package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** The whole flow: delete any package with the file's code, create, upload, import, apply, waiting for each job. */
class ConfigurationPackageDeployTest extends BcTestSupport {

    private static final String DEPLOY = "bc:configurationPackage?operation=deploy";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // what users write: a folder of packages, each moved aside once deployed or failed
                from("file:" + dir.resolve("inbox") + "?include=.*\\.rapidstart&move=.done&moveFailed=.error"
                     + "&readLock=changed&readLockMinAge=100&initialDelay=0&delay=50")
                        .to(DEPLOY);
            }
        };
    }

    @Test
    void deploysAFileAndReportsTheAppliedPackage() throws Exception {
        String code = newCode("DEPLOY");
        Path file = RapidStartFiles.write(dir.resolve("customers.rapidstart"), code, "Customers", 3, 5).file();

        Exchange result = send(DEPLOY, file.toFile(), null, null);

        assertNull(result.getException());
        ConfigurationPackage pkg = result.getMessage().getBody(ConfigurationPackage.class);
        assertEquals(code, pkg.getCode());
        assertEquals("Customers", pkg.getPackageName());
        assertEquals("Completed", pkg.getImportStatus());
        assertEquals("Completed", pkg.getApplyStatus());
        assertEquals(3, pkg.getNumberOfTables());
        assertEquals(15, pkg.getNumberOfRecords());
        assertEquals(0, pkg.getNumberOfErrors());
        assertEquals(pkg.getId(), result.getMessage().getHeader(BcConstants.PACKAGE_ID));
        assertEquals("Completed", result.getMessage().getHeader(BcConstants.APPLY_STATUS));
        assertEquals(companyId(), result.getMessage().getHeader(BcConstants.COMPANY_ID));

        var stored = emulator.packages(companyId()).stream().filter(p -> p.code().equals(code)).toList();
        assertEquals(1, stored.size());
        assertEquals("Completed", stored.get(0).applyStatus());
        assertTrue(Files.exists(file), "a deployed file is left where it was; moving it is the route's business");
    }

    @Test
    void redeployingReplacesThePackageWithTheSameCode() throws Exception {
        String code = newCode("REDEPLOY");
        Path first = RapidStartFiles.write(dir.resolve("a.rapidstart"), code, "First", 1, 2).file();
        Path second = RapidStartFiles.write(dir.resolve("b.rapidstart"), code, "Second", 2, 2).file();

        ConfigurationPackage one = template.requestBody(DEPLOY, first.toFile(), ConfigurationPackage.class);
        ConfigurationPackage two = template.requestBody(DEPLOY, second.toFile(), ConfigurationPackage.class);

        assertNotEquals(one.getId(), two.getId());
        var stored = emulator.packages(companyId()).stream().filter(p -> p.code().equals(code)).toList();
        assertEquals(1, stored.size(), "the old package was deleted");
        assertEquals(two.getId(), stored.get(0).id());
        assertEquals(4, two.getNumberOfRecords());
    }

    @Test
    void deploysStreamsAndByteArraysToo() throws Exception {
        String fromStream = newCode("STREAM");
        String fromBytes = newCode("BYTES");
        byte[] streamed = Files.readAllBytes(RapidStartFiles.write(dir.resolve("s.rapidstart"), fromStream, "S", 1, 3).file());
        byte[] bytes = Files.readAllBytes(RapidStartFiles.write(dir.resolve("b.rapidstart"), fromBytes, "B", 2, 1).file());

        ConfigurationPackage a = template.requestBody(DEPLOY, new ByteArrayInputStream(streamed), ConfigurationPackage.class);
        ConfigurationPackage b = template.requestBody(DEPLOY, bytes, ConfigurationPackage.class);

        assertEquals(fromStream, a.getCode());
        assertEquals(3, a.getNumberOfRecords());
        assertEquals(fromBytes, b.getCode());
        assertEquals("Completed", b.getApplyStatus());
    }

    @Test
    void aFileThatIsNotARapidStartPackageFailsBeforeAnythingIsSent() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.rapidstart"), "just some text");
        emulator.clearRequests();

        Exchange result = send(DEPLOY, text.toFile(), null, null);

        InvalidInputException e = assertInstanceOf(InvalidInputException.class, failure(result));
        assertTrue(e.getMessage().contains("notes.rapidstart") && e.getMessage().contains("not gzip"), e.getMessage());
        assertEquals(List.of(), emulator.requests(), "nothing reached Business Central");
    }

    @Test
    void aCodeThatDiffersFromTheFilesIsRefusedBeforeAnythingIsSent() throws Exception {
        String code = newCode("OWN");
        Path file = RapidStartFiles.write(dir.resolve("own.rapidstart"), code, "Own", 1, 1).file();

        Exchange result = send(DEPLOY, file.toFile(), BcConstants.PACKAGE_CODE, "SOMETHING-ELSE");

        InvalidInputException e = assertInstanceOf(InvalidInputException.class, failure(result));
        assertTrue(e.getMessage().contains(code) && e.getMessage().contains("SOMETHING-ELSE"), e.getMessage());
        assertEquals(List.of(), emulator.requests());
    }

    @Test
    void aFolderRouteMovesDeployedFilesToDoneAndFailedOnesToError() throws Exception {
        String code = newCode("FOLDER");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        NotifyBuilder two = new NotifyBuilder(context).from("file:*").whenDone(2).create();

        RapidStartFiles.write(inbox.resolve("good.rapidstart"), code, "Good", 2, 3).file();
        Files.writeString(inbox.resolve("bad.rapidstart"), "<not gzip/>");

        assertTrue(two.matches(20, TimeUnit.SECONDS), "both files were processed");
        assertTrue(Files.exists(inbox.resolve(".done/good.rapidstart")));
        assertTrue(Files.exists(inbox.resolve(".error/bad.rapidstart")));
        assertTrue(Files.notExists(inbox.resolve("good.rapidstart")) && Files.notExists(inbox.resolve("bad.rapidstart")));
        assertTrue(emulator.packages(companyId()).stream().anyMatch(p -> p.code().equals(code)
                                                                         && p.applyStatus().equals("Completed")));
    }
}
