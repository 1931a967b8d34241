package io.deploykit.emulator.bc;

import static io.deploykit.emulator.bc.BcClient.pkg;
import static io.deploykit.emulator.bc.BcClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.RunningEmulator;

/** What the API refuses, and the imports and applies that end in Error or with record errors. */
class PackageRulesTest {

    @TempDir
    static Path files;

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().jobStepDuration(Duration.ofMillis(50)).start(), BcEmulator::faults);

    private static BcEmulator emulator;
    private static BcClient client;
    private static String company;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
        company = emulator.company("CRONUS USA, Inc.").id();
    }

    @Test
    void refusesADuplicateCode() {
        client.createPackage(company, "DUP");

        Response duplicate = client.post(BcClient.packages(company), "{\"code\":\"dup\"}");

        assertEquals(400, duplicate.status());
        assertEquals("Internal_EntityWithSameKeyExists", duplicate.errorCode());
        assertTrue(duplicate.errorMessage().contains("DUP"), duplicate::toString);
    }

    @Test
    void refusesABlankOrTooLongCode() {
        for (String body : new String[] {"{\"code\":\"  \"}", "{\"packageName\":\"no code\"}",
                "{\"code\":\"" + "X".repeat(21) + "\"}"}) {
            Response refused = client.post(BcClient.packages(company), body);

            assertEquals(400, refused.status(), body);
            assertEquals("BadRequest", refused.errorCode(), refused::toString);
        }
        assertEquals(201, client.post(BcClient.packages(company), "{\"code\":\"" + "Y".repeat(20) + "\"}").status());
    }

    @Test
    void refusesUnknownPropertiesAndMalformedJson() {
        assertEquals(400, client.post(BcClient.packages(company), "{\"code\":\"P1\",\"colour\":\"red\"}").status());
        assertEquals(400, client.post(BcClient.packages(company), "{\"code\":").status());
        assertEquals(400, client.post(BcClient.packages(company), "{\"code\":\"P2\",\"languageId\":\"x\"}").status());
    }

    @Test
    void answersNotFoundForAnUnknownPackage() {
        Response missing = client.get(pkg(company, "00000000-0000-0000-0000-0000000000aa"));

        assertEquals(404, missing.status());
        assertEquals("BadRequest_NotFound", missing.errorCode());
    }

    @Test
    void refusesAnImportWithoutFileAndAnApplyBeforeTheImport() {
        String id = client.createPackage(company, "EMPTY").get("id").asText();

        Response importRefused = client.action(company, id, "import");
        Response applyRefused = client.action(company, id, "apply");

        assertEquals(400, importRefused.status());
        assertTrue(importRefused.errorMessage().contains("no file"), importRefused::toString);
        assertEquals(400, applyRefused.status());
        assertTrue(applyRefused.errorMessage().contains("imported before"), applyRefused::toString);
        assertEquals("No", client.getPackage(company, id).get("importStatus").asText());
    }

    @Test
    void refusesActionsWhileAJobIsScheduledOrInProgress() {
        JsonNode created = client.createPackage(company, "BUSY");
        String id = created.get("id").asText();
        client.upload(company, created, TestFiles.rapidStart(files, "BUSY", 1, 1));
        emulator.faults().stickJobs(true);

        assertEquals(204, client.action(company, id, "import").status());
        assertEquals(400, client.action(company, id, "import").status(), "import while the import is scheduled");
        assertEquals(400, client.action(company, id, "apply").status(), "apply while the import is scheduled");

        emulator.faults().stickJobs(false);
        client.awaitPackage(company, id, status("importStatus", "Completed"));
        emulator.faults().stickJobs(true);
        assertEquals(204, client.action(company, id, "apply").status());
        Response importDuringApply = client.action(company, id, "import");
        Response applyDuringApply = client.action(company, id, "apply");

        assertEquals(400, importDuringApply.status());
        assertEquals("Application_DialogException", importDuringApply.errorCode());
        assertTrue(importDuringApply.errorMessage().contains("applyStatus Scheduled"), importDuringApply::toString);
        assertEquals(400, applyDuringApply.status());
        emulator.faults().stickJobs(false);
        client.awaitPackage(company, id, status("applyStatus", "Completed"));
    }

    @Test
    void requiresIfMatchOnDeleteAndUpdate() {
        JsonNode created = client.createPackage(company, "ETAG");
        String path = pkg(company, created.get("id").asText());
        String original = created.get("@odata.etag").asText();
        Response renamed = client.patch(path, BodyPublishers.ofString(
                "{\"packageName\":\"changed\"}"), "application/json", "*");
        assertEquals(200, renamed.status(), renamed::toString);

        Response withoutIfMatch = client.delete(path, null);
        Response stale = client.delete(path, original);

        assertEquals(400, withoutIfMatch.status());
        assertEquals("BadRequest_InvalidToken", withoutIfMatch.errorCode());
        assertEquals(409, stale.status());
        assertEquals("Request_EntityChanged", stale.errorCode());
        assertEquals(204, client.delete(path, renamed.json().get("@odata.etag").asText()).status());
    }

    @Test
    void requiresIfMatchOnUploadAndTheRightCodeInTheUrl() {
        JsonNode created = client.createPackage(company, "UPLOAD");
        String path = pkg(company, created.get("id").asText());
        byte[] file = TestFiles.rapidStart(files, "UPLOAD", 1, 1);
        String fileTag = client.get(path + "/file('UPLOAD')").json().get("@odata.etag").asText();
        assertEquals(204, client.patch(path + "/file('UPLOAD')/content", file, fileTag).status());

        Response withoutIfMatch = client.patch(path + "/file('UPLOAD')/content", file, null);
        Response stale = client.patch(path + "/file('UPLOAD')/content", file, fileTag);
        Response otherCode = client.patch(path + "/file('OTHER')/content", file, "*");

        assertEquals(400, withoutIfMatch.status());
        assertEquals("BadRequest_InvalidToken", withoutIfMatch.errorCode());
        assertEquals(409, stale.status());
        assertEquals(404, otherCode.status());
        assertEquals(204, client.patch(path + "/file('upload')/content", file, "*").status(),
                "codes compare as Business Central stores them, upper case");
    }

    @Test
    void failsTheImportOfAFileWithAnotherCode() {
        String id = uploadAndImport("RIGHT", TestFiles.rapidStart(files, "WRONG", 2, 2));

        JsonNode failed = client.awaitPackage(company, id, status("importStatus", "Error"));

        assertTrue(failed.get("importError").asText().contains("WRONG"), failed::toString);
        assertTrue(failed.get("importError").asText().contains("RIGHT"), failed::toString);
        assertEquals(0, failed.get("numberOfRecords").asInt());
    }

    @Test
    void failsTheImportOfFilesThatAreNoRapidStartPackage() {
        byte[][] notPackages = {
                "just text".getBytes(StandardCharsets.UTF_8),
                TestFiles.gzip("not xml at all", StandardCharsets.UTF_8),
                TestFiles.gzip("<?xml version=\"1.0\"?><Other Code=\"X\"/>", StandardCharsets.UTF_8),
                TestFiles.gzip("<DataList PackageName=\"no code\"/>", StandardCharsets.UTF_8)};
        int n = 0;
        for (byte[] file : notPackages) {
            String id = uploadAndImport("BAD" + n++, file);

            JsonNode failed = client.awaitPackage(company, id, status("importStatus", "Error"));

            assertTrue(failed.get("importError").asText().startsWith("The file is not a valid RapidStart package"),
                    failed::toString);
        }
    }

    @Test
    void completesTheApplyWithRecordErrorsWhenToldTo() {
        emulator.faults().applyRecordErrors("PARTIAL", 3);
        String id = uploadAndImport("PARTIAL", TestFiles.rapidStart(files, "PARTIAL", 1, 5));
        client.awaitPackage(company, id, status("importStatus", "Completed"));

        client.action(company, id, "apply");
        JsonNode applied = client.awaitPackage(company, id, status("applyStatus", "Completed"));

        assertEquals(3, applied.get("numberOfErrors").asInt());
    }

    @Test
    void failsTheApplyWhenToldTo() {
        emulator.faults().applyFailure("LOCKED", "Table 18 is locked");
        String id = uploadAndImport("LOCKED", TestFiles.rapidStart(files, "LOCKED", 1, 5));
        client.awaitPackage(company, id, status("importStatus", "Completed"));

        client.action(company, id, "apply");
        JsonNode failed = client.awaitPackage(company, id, status("applyStatus", "Error"));

        assertEquals("Table 18 is locked", failed.get("applyError").asText());
        assertFalse(emulator.packageByCode(company, "LOCKED").orElseThrow().applyError().isEmpty());
    }

    private String uploadAndImport(String code, byte[] file) {
        JsonNode created = client.createPackage(company, code);
        client.upload(company, created, file);
        Response started = client.action(company, created.get("id").asText(), "import");
        assertEquals(204, started.status(), started::toString);
        return created.get("id").asText();
    }
}
