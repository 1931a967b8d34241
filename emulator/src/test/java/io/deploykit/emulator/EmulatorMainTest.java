package io.deploykit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.limits.BcLimits;

class EmulatorMainTest {

    @TempDir
    Path directory;

    @Test
    void startsBusinessCentralByDefaultAndDescribesIt() throws Exception {
        List<Emulator> running = EmulatorMain.start(line("--port", "0", "--client-id", "me", "--client-secret", "s3",
                "--job-step", "200ms", "--user", "admin:key", "--storage", directory.toString()));
        try {
            assertEquals(1, running.size());
            Emulator emulator = running.get(0);
            String description = String.join("\n", emulator.describe());
            assertTrue(description.contains("clientId=me  clientSecret=s3"), description);
            assertTrue(description.contains("baseUrl=" + emulator.baseUrl() + "/v2.0"), description);
            assertTrue(description.contains("Basic users admin"), description);
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(Files.isDirectory(directory.resolve("packages")), "the storage option is used");
        } finally {
            running.forEach(Emulator::close);
        }
    }

    @Test
    void startsTheReactorAloneOrBesideBusinessCentral() {
        List<Emulator> reactorOnly = EmulatorMain.start(line("--reactor", "--reactor-port", "0", "--client-id", "me",
                "--client-secret", "s3", "--processing-time", "200ms"));
        try {
            assertEquals(1, reactorOnly.size());
            String description = String.join("\n", reactorOnly.get(0).describe());
            assertTrue(description.contains("tokenUrl=" + reactorOnly.get(0).baseUrl() + "/ims/token/v3"), description);
            assertTrue(description.contains("clientId=me  clientSecret=s3"), description);
        } finally {
            reactorOnly.forEach(Emulator::close);
        }
        List<Emulator> both = EmulatorMain.start(line("--bc", "--reactor", "--port", "0", "--reactor-port", "0"));
        try {
            assertEquals(2, both.size());
        } finally {
            both.forEach(Emulator::close);
        }
    }

    @Test
    void refusesUnknownOptions() {
        assertThrows(IllegalArgumentException.class, () -> EmulatorMain.start(line("--colour", "red")));
    }

    @Test
    void makesAnAppFileWhoseManifestReadsBack() throws Exception {
        Path file = directory.resolve("toolbox.app");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String id = "0f3b3a5e-7c1d-4d6f-9b0e-2a1c3d4e5f60";

        int status = EmulatorMain.makeApp(line("make-app", "--id", id, "--name", "Toolbox", "--publisher", "Contoso",
                "--version", "1.2.3.4", "--dependency", "0f3b3a5e-7c1d-4d6f-9b0e-2a1c3d4e5f61:Lib:Contoso:1.0.0.0",
                "--out", file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals(0, status, out::toString);
        try (var in = Files.newInputStream(file)) {
            var manifest = io.deploykit.emulator.bc.apps.AppFile.read(in);
            assertEquals(id, manifest.id());
            assertEquals("1.2.3.4", manifest.version().toString());
            assertEquals("Lib", manifest.dependencies().get(0).name());
        }
        assertEquals(2, EmulatorMain.makeApp(line("make-app", "--id", "not-a-guid", "--name", "X", "--publisher", "Y",
                "--version", "1.0.0.0", "--out", file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8)));
    }

    @Test
    void makesARapidStartFile() {
        Path file = directory.resolve("demo.rapidstart");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = EmulatorMain.makeRapidStart(line("make-rapidstart", "--code", "DEMO", "--out", file.toString(),
                "--tables", "2", "--records", "5"), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals(0, status);
        assertTrue(Files.isRegularFile(file));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("package DEMO, 2 table(s), 10 record(s)"),
                out::toString);
    }

    @Test
    void limitsAreBusinessCentralsUnlessTheOptionsChangeThem() {
        assertEquals(BcLimits.BUSINESS_CENTRAL_ONLINE, EmulatorMain.limits(line()));
        BcLimits changed = EmulatorMain.limits(line("--max-concurrent-requests", "10", "--max-queued-requests", "0",
                "--requests-per-window", "100000", "--rate-window", "1m", "--operation-timeout", "30s"));
        assertEquals(BcLimits.BUSINESS_CENTRAL_ONLINE.withMaxConcurrentRequests(10).withMaxQueuedRequests(0)
                .withRequestsPerWindow(100_000).withWindow(Duration.ofMinutes(1))
                .withOperationTimeout(Duration.ofSeconds(30)), changed);
        assertEquals(BcLimits.NONE, EmulatorMain.limits(line("--no-limits")));

        List<Emulator> running = EmulatorMain.start(line("--port", "0", "--requests-per-window", "7"));
        try {
            assertEquals(7, ((BcEmulator) running.get(0)).limits().requestsPerWindow());
            assertTrue(String.join("\n", running.get(0).describe()).contains("7 per PT5M"), running.get(0).describe()::toString);
        } finally {
            running.forEach(Emulator::close);
        }
    }

    private static CommandLine line(String... args) {
        return CommandLine.parse(args, Set.of("bc", "reactor", "verbose", "help", "no-limits"));
    }
}
