package io.deploykit.emulator.reactor;

import static io.deploykit.emulator.reactor.ReactorClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a zip upload is received: streamed whatever its size, within a limit, as a multipart part named package. */
class UploadTest {

    private static final long LARGE = 50L << 20;
    /** Buffers and bookkeeping; holding the upload would take at least LARGE. */
    private static final long ALLOCATION_BUDGET = 8L << 20;

    @TempDir
    Path dir;

    /** The bytes the emulator's threads allocate while receiving and processing it stay far below its size. */
    @Test
    void aLargeZipIsStreamedToDiskAndProcessed() throws IOException {
        Path zip = ExtensionZips.writeOfSize(dir.resolve("large.zip"), "large", "1.0.0", "web", LARGE);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ReactorEmulator emulator = ReactorEmulator.builder().processingTime(Duration.ZERO).start()) {
            ReactorClient client = new ReactorClient(emulator);
            client.token();
            Map<Long, Long> before = emulatorAllocations(threads);

            ApiResponse created = client.create(zip);
            assertEquals(201, created.status(), created::toString);
            assertEquals("succeeded", status(client.awaitProcessed(created.data().get("id").asText())));

            long allocated = emulatorAllocations(threads).entrySet().stream()
                    .mapToLong(thread -> thread.getValue() - before.getOrDefault(thread.getKey(), 0L)).sum();
            assertTrue(allocated < ALLOCATION_BUDGET, () -> "The emulator's threads allocated " + allocated
                                                            + " bytes for a " + LARGE + "-byte upload");
            try (Stream<Path> files = Files.list(emulator.storageDirectory())) {
                assertEquals(Files.size(zip), files.filter(file -> file.toString().endsWith(".zip")).findFirst()
                        .orElseThrow().toFile().length(), "the zip stored is the zip sent, and only it remains");
            }
        }
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413() throws IOException {
        try (ReactorEmulator emulator = ReactorEmulator.builder().maxUploadBytes(16 * 1024).start()) {
            ReactorClient client = new ReactorClient(emulator);

            ApiResponse refused = client.create(ExtensionZips.writeOfSize(dir.resolve("big.zip"), "big", "1.0.0",
                    "web", 32 * 1024));

            assertEquals(413, refused.status(), refused::toString);
            assertEquals("payload-too-large", refused.errorCode());
            assertTrue(emulator.packages().isEmpty());
            assertEquals(201, client.create(ExtensionZips.write(dir.resolve("small.zip"), "small", "1.0.0", "web"))
                    .status());
        }
    }

    @Test
    void theZipMustComeAsAMultipartPartNamedPackage() throws IOException {
        Path zip = ExtensionZips.write(dir.resolve("a.zip"), "parts", "1.0.0", "web");
        try (ReactorEmulator emulator = ReactorEmulator.builder().start()) {
            ReactorClient client = new ReactorClient(emulator);
            ReactorClient.Multipart misnamed = ReactorClient.Multipart.of("file", zip);

            ApiResponse wrongPart = ReactorClient.send(client.request("/extension_packages")
                    .header("Content-Type", misnamed.contentType()).POST(misnamed.publisher()).build());
            ApiResponse rawZip = ReactorClient.send(client.request("/extension_packages")
                    .header("Content-Type", "application/zip").POST(BodyPublishers.ofFile(zip)).build());
            ApiResponse unclosed = ReactorClient.send(client.request("/extension_packages")
                    .header("Content-Type", "multipart/form-data; boundary=xyz")
                    .POST(BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"package\"\r\n\r\n"
                                                  + "PK")).build());
            ApiResponse noBoundary = ReactorClient.send(client.request("/extension_packages")
                    .header("Content-Type", "multipart/form-data").POST(BodyPublishers.ofString("--x--")).build());

            assertEquals(400, wrongPart.status(), wrongPart::toString);
            assertEquals("invalid-parameter", wrongPart.errorCode());
            assertEquals("package", wrongPart.error().path("source").path("parameter").asText());
            assertEquals(415, rawZip.status(), rawZip::toString);
            assertEquals(400, unclosed.status(), unclosed::toString);
            assertTrue(unclosed.error().get("detail").asText().contains("closing boundary"), unclosed::toString);
            assertEquals(400, noBoundary.status(), noBoundary::toString);
            assertTrue(emulator.packages().isEmpty());
            try (Stream<Path> files = Files.list(emulator.storageDirectory())) {
                assertEquals(0, files.filter(file -> !file.getFileName().toString().startsWith(".")).count(),
                        "a refused upload leaves no file behind"); // beside the directory's own marker
            }
        }
    }

    /** The bytes each of the emulator's threads has allocated so far, by thread id. */
    private static Map<Long, Long> emulatorAllocations(ThreadMXBean threads) {
        Map<Long, Long> allocations = new HashMap<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("reactor-emulator-"))
                .forEach(thread -> allocations.put(thread.getId(), threads.getThreadAllocatedBytes(thread.getId())));
        return allocations;
    }
}
