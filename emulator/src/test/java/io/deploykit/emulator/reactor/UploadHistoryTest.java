package io.deploykit.emulator.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
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
import io.deploykit.emulator.http.Sha256;

/** The server-side account of what was deployed: zips uploaded, by content hash, and releases. */
class UploadHistoryTest {

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().processingTime(Duration.ofMillis(20)).start(), ReactorEmulator::faults);

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
    void countsACreateAndAnUpdateWithTheHashesOfTheirZips() throws IOException {
        String name = "counted";
        Path first = ExtensionZips.write(dir.resolve("a.zip"), name, "1.0.0", "web");
        Path second = ExtensionZips.write(dir.resolve("b.zip"), name, "1.0.1", "web");
        String id = client.created(first);
        client.awaitProcessed(id);
        assertEquals(200, client.update(id, second).status());
        assertEquals("not-unique", client.create(second).errorCode(), "a refused upload is not counted");

        List<AcceptedUpload> uploads = uploadsOf(id);

        assertEquals(2, uploads.size(), uploads::toString);
        assertEquals(new AcceptedUpload(id, name, "web", "1.0.0", Sha256.of(first), true, uploads.get(0).at()),
                uploads.get(0));
        assertEquals(new AcceptedUpload(id, name, "web", "1.0.1", Sha256.of(second), false, uploads.get(1).at()),
                uploads.get(1));
        assertNotEquals(uploads.get(0).sha256(), uploads.get(1).sha256());
        assertEquals(List.of(), releasesOf(id));
    }

    @Test
    void countsAReleaseOnce() throws IOException {
        String id = client.created(ExtensionZips.write(dir.resolve("a.zip"), "released", "2.0.0", "edge"));
        client.awaitProcessed(id);

        assertEquals(200, client.action(id, "release_private").status());
        assertEquals(403, client.action(id, "release_private").status(), "a release cannot be repeated");

        List<PackageRelease> releases = releasesOf(id);
        assertEquals(1, releases.size(), releases::toString);
        assertEquals(new PackageRelease(id, "released", "edge", "2.0.0", releases.get(0).at()), releases.get(0));
    }

    @Test
    void aZipWithoutAReadableManifestIsCountedWithoutName() throws IOException {
        Path zip = ExtensionZips.writeWithoutManifest(dir.resolve("a.zip"));
        String id = client.created(zip);

        AcceptedUpload upload = uploadsOf(id).get(0);

        assertEquals(new AcceptedUpload(id, null, null, null, Sha256.of(zip), true, upload.at()), upload);
    }

    @Test
    void theAdministrationEndpointListsTheHistory() throws IOException {
        Path zip = ExtensionZips.write(dir.resolve("a.zip"), "listed", "1.0.0", "web");
        String id = client.created(zip);
        client.awaitProcessed(id);
        client.action(id, "release_private");

        ApiResponse response = ReactorClient.send(HttpRequest.newBuilder(
                URI.create(emulator.baseUrl() + "/_emulator/reactor/history")).GET().build());

        assertEquals(200, response.status(), response::toString);
        JsonNode upload = lastOf(response.json().get("uploads"));
        assertEquals(id, upload.get("packageId").asText());
        assertEquals("listed", upload.get("name").asText());
        assertEquals("1.0.0", upload.get("version").asText());
        assertEquals(Sha256.of(zip), upload.get("sha256").asText());
        assertEquals(true, upload.get("created").asBoolean());
        Instant.parse(upload.get("at").asText());
        JsonNode release = lastOf(response.json().get("releases"));
        assertEquals(id, release.get("packageId").asText());
        assertEquals("web", release.get("platform").asText());
    }

    private static List<AcceptedUpload> uploadsOf(String id) {
        return emulator.uploads().stream().filter(upload -> upload.packageId().equals(id)).toList();
    }

    private static List<PackageRelease> releasesOf(String id) {
        return emulator.releases().stream().filter(release -> release.packageId().equals(id)).toList();
    }

    private static JsonNode lastOf(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
