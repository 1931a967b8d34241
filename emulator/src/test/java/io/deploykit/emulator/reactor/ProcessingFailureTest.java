package io.deploykit.emulator.reactor;

import static io.deploykit.emulator.reactor.ReactorClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.Await;
import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.reactor.manifest.ProcessingError;

/**
 * A zip the API accepts but whose processing fails ends {@code failed} with its errors in
 * {@code meta.status_details.errors}; tests can also hold packages pending and make processing fail.
 */
class ProcessingFailureTest {

    private static final Duration PROCESSING = Duration.ofMillis(50);
    private static final AtomicInteger NAMES = new AtomicInteger();

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().processingTime(PROCESSING).start(), ReactorEmulator::faults);

    private static ReactorEmulator emulator;
    private static ReactorClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new ReactorClient(emulator);
    }

    @Test
    void aFileThatIsNotAZipIsCreatedThenFails() throws IOException {
        List<JsonNode> errors = failedWith(Files.writeString(dir.resolve("text.zip"), "not a zip"));

        assertEquals(1, errors.size());
        assertEquals(ProcessingError.ZIP_ERROR, errors.get(0).get("code").asText());
        assertEquals("Invalid extension package archive", errors.get(0).get("title").asText());
        assertTrue(errors.get(0).get("detail").asText().contains("not a valid zip"), errors::toString);
    }

    @Test
    void aZipWithoutExtensionJsonAtItsRootFails() throws IOException {
        assertOnlyError(failedWith(ExtensionZips.writeWithoutManifest(dir.resolve("none.zip"))),
                ProcessingError.ZIP_ERROR, "no extension.json at its root");
        assertOnlyError(failedWith(TestZips.of(dir.resolve("nested.zip"), Map.of("ext/extension.json",
                TestZips.manifest(newName(), "1.0.0", "web", "")))), ProcessingError.ZIP_ERROR, "ext/extension.json");
    }

    @Test
    void anExtensionJsonThatIsNotJsonFails() throws IOException {
        assertOnlyError(failedWith(ExtensionZips.writeWithInvalidJson(dir.resolve("json.zip"))),
                ProcessingError.MANIFEST_ERROR, "not valid JSON");
    }

    @Test
    void everyMissingRequiredFieldIsReported() throws IOException {
        assertOnlyError(failedWith(ExtensionZips.writeWithoutName(dir.resolve("noname.zip"), "1.0.0", "web")),
                ProcessingError.MANIFEST_ERROR, "no \"name\"");

        List<JsonNode> errors = failedWith(TestZips.of(dir.resolve("bare.zip"), Map.of("extension.json",
                "{\"name\":\"" + newName() + "\",\"version\":\"1.0.0\",\"platform\":\"web\"}")));

        assertEquals(List.of("extension.json has no \"displayName\".", "extension.json has no \"description\".",
                "extension.json has no \"author\" with a \"name\".", "extension.json has no \"viewBasePath\"."),
                details(errors));
    }

    @Test
    void aFileTheManifestNamesButTheZipLacksFailsWithAPathError() throws IOException {
        String name = newName();
        String id = client.created(ExtensionZips.writeWithMissingFile(dir.resolve("m.zip"), name, "1.0.0", "web"));

        JsonNode failed = client.awaitProcessed(id);

        assertEquals("failed", status(failed));
        assertEquals(name, failed.path("attributes").path("name").asText(), "the manifest was readable");
        assertOnlyError(errors(failed), ProcessingError.PATH_ERROR,
                "\"actions[0].libPath\" names " + ExtensionZips.ACTION_LIB_PATH);
        ExtensionPackageSnapshot snapshot = emulator.extensionPackage(id);
        assertEquals("failed", snapshot.status());
        assertEquals(ProcessingError.PATH_ERROR, snapshot.errors().get(0).code());
    }

    @Test
    void aViewPathIsLookedForUnderTheViewBasePath() throws IOException {
        Path zip = TestZips.of(dir.resolve("views.zip"), Map.of("extension.json", TestZips.manifest(newName(),
                "1.0.0", "web", "\"viewBasePath\":\"src/view/\",\"configuration\":{\"viewPath\":\"config.html\","
                + "\"schema\":{}}"),
                "config.html", "<p>"));

        assertOnlyError(failedWith(zip), ProcessingError.PATH_ERROR, "src/view/config.html");
    }

    @Test
    void aFailureCanBeInjectedIntoTheNextProcessingOnly() throws IOException {
        emulator.faults().failNextProcessing("The view configuration.html is not valid HTML");

        List<JsonNode> injected = failedWith(ExtensionZips.write(dir.resolve("a.zip"), newName(), "1.0.0", "web"));
        String next = client.created(ExtensionZips.write(dir.resolve("b.zip"), newName(), "1.0.0", "web"));

        assertOnlyError(injected, ProcessingError.INJECTED_ERROR, "The view configuration.html is not valid HTML");
        assertEquals("succeeded", status(client.awaitProcessed(next)));
    }

    @Test
    void stuckProcessingKeepsPackagesPendingUntilReleased() throws IOException {
        emulator.faults().stickProcessing(true);
        String id = client.created(ExtensionZips.write(dir.resolve("a.zip"), newName(), "1.0.0", "web"));

        // many processing times pass: the package must still be pending
        JsonNode held = Await.until(() -> client.getPackage(id), pkg -> !"pending".equals(status(pkg)),
                PROCESSING.multipliedBy(10));
        assertEquals("pending", status(held));

        emulator.faults().stickProcessing(false);
        assertEquals("succeeded", status(client.awaitProcessed(id)));
    }

    @Test
    void clearingTheFaultsReleasesStuckProcessing() throws IOException {
        emulator.faults().stickProcessing(true).failNextProcessing("never used");
        String id = client.created(ExtensionZips.write(dir.resolve("a.zip"), newName(), "1.0.0", "web"));

        emulator.faults().clear();

        assertEquals("succeeded", status(client.awaitProcessed(id)));
    }

    private static List<JsonNode> failedWith(Path zip) {
        JsonNode processed = client.awaitProcessed(client.created(zip));
        assertEquals("failed", status(processed), processed::toString);
        return errors(processed);
    }

    private static List<JsonNode> errors(JsonNode resource) {
        List<JsonNode> errors = new ArrayList<>();
        resource.path("meta").path("status_details").path("errors").forEach(errors::add);
        return errors;
    }

    private static List<String> details(List<JsonNode> errors) {
        return errors.stream().map(error -> error.get("detail").asText()).toList();
    }

    private static void assertOnlyError(List<JsonNode> errors, String code, String detailPart) {
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(code, errors.get(0).get("code").asText());
        assertTrue(errors.get(0).get("detail").asText().contains(detailPart), errors::toString);
    }

    private static String newName() {
        return "failing-" + NAMES.incrementAndGet();
    }
}
