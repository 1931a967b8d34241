package io.deploykit.emulator.bc;

import static io.deploykit.emulator.bc.BcClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.TestHttp;
import io.deploykit.emulator.bc.pictures.Images;
import io.deploykit.emulator.http.Sha256;

/** The server-side account of what was deployed: imports and applies started, pictures stored, by content hash. */
class DeploymentHistoryTest {

    @TempDir
    static Path files;

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().jobStepDuration(Duration.ofMillis(20)).start(), BcEmulator::faults);

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
    void twoAppliesOfTheSameFileCountTwiceWithItsHash() {
        byte[] file = TestFiles.rapidStart(files, "TWICE", 1, 2);
        Instant before = Instant.now();
        String id = uploaded("TWICE", file);
        importAndAwait(id);

        applyAndAwait(id);
        applyAndAwait(id);

        List<AppliedPackage> applies = appliesOf(id);
        assertEquals(2, applies.size(), applies::toString);
        for (AppliedPackage applied : applies) {
            assertEquals(Sha256.of(file), applied.sha256());
            assertEquals(company, applied.companyId());
            assertEquals("TWICE", applied.packageCode());
            assertFalse(applied.at().isBefore(before), applied::toString);
        }
        List<ImportedPackage> imports = importsOf(id);
        assertEquals(1, imports.size(), imports::toString);
        assertEquals(Sha256.of(file), imports.get(0).sha256());
    }

    @Test
    void aNewFileIsAppliedWithItsOwnHash() {
        byte[] first = TestFiles.rapidStart(files, "AGAIN", 1, 1);
        byte[] second = TestFiles.rapidStart(files, "AGAIN", 2, 3);
        String id = uploaded("AGAIN", first);
        importAndAwait(id);
        applyAndAwait(id);

        JsonNode pkg = client.getPackage(company, id);
        client.upload(company, pkg, second);
        importAndAwait(id);
        applyAndAwait(id);

        assertEquals(List.of(Sha256.of(first), Sha256.of(second)),
                appliesOf(id).stream().map(AppliedPackage::sha256).toList());
        assertEquals(List.of(Sha256.of(first), Sha256.of(second)),
                importsOf(id).stream().map(ImportedPackage::sha256).toList());
        assertNotEquals(Sha256.of(first), Sha256.of(second));
    }

    @Test
    void anApplyIsCountedWhenItsAnswerIsLostButNotWhenRefused() {
        String id = uploaded("LOST", TestFiles.rapidStart(files, "LOST", 1, 1));
        assertEquals(400, client.action(company, id, "apply").status(), "not imported yet");
        assertEquals(0, appliesOf(id).size(), "a refused apply did not start");
        importAndAwait(id);
        emulator.faults().matching("POST", ".*Microsoft.NAV.apply").gatewayTimeoutAfterActing(1);

        assertEquals(504, client.action(company, id, "apply").status());

        assertEquals(1, appliesOf(id).size());
        client.awaitPackage(company, id, status("applyStatus", "Completed"));
    }

    @Test
    void picturesStoredAreCountedWithTheirHash() {
        String item = client.get("/api/v2.0/companies(" + company + ")/items?$filter="
                                 + TestHttp.encode("number eq '1900-S'")).json().get("value").get(0).get("id").asText();
        String content = "/api/v2.0/companies(" + company + ")/items(" + item + ")/picture/pictureContent";
        byte[] png = Images.png(8, 8);
        int before = emulator.pictureUpdates().size();

        assertEquals(204, client.patch(content, BodyPublishers.ofByteArray(png), "image/png", "*").status());
        assertEquals(400, client.patch(content, "no image".getBytes(StandardCharsets.UTF_8), "*").status());

        List<PictureUpdate> updates = emulator.pictureUpdates();
        assertEquals(before + 1, updates.size(), "the refused upload stored nothing");
        PictureUpdate stored = updates.get(updates.size() - 1);
        assertEquals(new PictureUpdate(company, "items", item, Sha256.of(png), stored.at()), stored);
    }

    @Test
    void theAdministrationEndpointListsTheHistory() {
        byte[] file = TestFiles.rapidStart(files, "LISTED", 1, 1);
        String id = uploaded("LISTED", file);
        importAndAwait(id);
        applyAndAwait(id);

        JsonNode history = adminJson("/bc/history");

        JsonNode applied = lastOf(history.get("applies"));
        assertEquals(id, applied.get("packageId").asText());
        assertEquals("LISTED", applied.get("packageCode").asText());
        assertEquals(company, applied.get("companyId").asText());
        assertEquals(Sha256.of(file), applied.get("sha256").asText());
        Instant.parse(applied.get("at").asText());
        assertEquals(id, lastOf(history.get("imports")).get("packageId").asText());
        assertTrue(history.get("pictureUpdates").isArray());
    }

    private static String uploaded(String code, byte[] file) {
        JsonNode created = client.createPackage(company, code);
        client.upload(company, created, file);
        return created.get("id").asText();
    }

    private static void importAndAwait(String id) {
        assertEquals(204, client.action(company, id, "import").status());
        client.awaitPackage(company, id, status("importStatus", "Completed"));
    }

    private static void applyAndAwait(String id) {
        assertEquals(204, client.action(company, id, "apply").status());
        client.awaitPackage(company, id, status("applyStatus", "Completed"));
    }

    private static List<AppliedPackage> appliesOf(String id) {
        return emulator.applies().stream().filter(applied -> applied.packageId().equals(id)).toList();
    }

    private static List<ImportedPackage> importsOf(String id) {
        return emulator.imports().stream().filter(imported -> imported.packageId().equals(id)).toList();
    }

    private static JsonNode lastOf(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static JsonNode adminJson(String path) {
        Response response = BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator" + path))
                .GET().build());
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }
}
