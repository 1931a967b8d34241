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
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static CommandLine line(String... args) {
        return CommandLine.parse(args, Set.of("bc", "reactor", "verbose", "help"));
    }
}
