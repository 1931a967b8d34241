package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * The application is killed (SIGKILL, no shutdown hooks) while a package is half-deployed: the file must still be
 * in the inbox, and the next start deploys it.
 */
class CrashRecoveryTest {

    @TempDir
    Path work;

    @Test
    void aFileInFlightWhenTheProcessDiesIsDeployedAfterTheRestart() throws Exception {
        Path inbox = work.resolve("inbox");
        Path file = inbox.resolve("rapidstart/crash.rapidstart");
        List<String> output = new CopyOnWriteArrayList<>();
        Process first = start(inbox, output);
        try {
            Eventually.await("the first application started", Duration.ofSeconds(60),
                    () -> output.stream().anyMatch(line -> line.contains("Drop files into")));
            RapidStartFiles.write(file, "CRASH-1", "Crash", 2, 2);
            Eventually.await("the upload done and the import under way", Duration.ofSeconds(30),
                    () -> output.stream().anyMatch(line -> line.contains("Started the import of configuration package CRASH-1")));
        } finally {
            first.destroyForcibly().waitFor();
        }

        assertTrue(Files.exists(file), "the file stays in the inbox while it is deployed: " + output);
        assertTrue(Files.notExists(inbox.resolve("rapidstart/.done/crash.rapidstart")));

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(FileDropApplication.class)
                .profiles("test").run("--deploykit.example.inbox=" + inbox, "--deploykit.example.demo-folder=" + work.resolve("demo"),
                        "--deploykit.example.emulators=on")) {
            Eventually.await("crash.rapidstart in .done after the restart", Duration.ofSeconds(30),
                    () -> Files.exists(inbox.resolve("rapidstart/.done/crash.rapidstart")));
            BcEmulator bc = second.getBean(BcEmulator.class);
            String company = bc.company(EmbeddedEmulators.DEMO_COMPANY).id();
            assertEquals("Completed", bc.packageByCode(company, "CRASH-1").orElseThrow().applyStatus());
        }
    }

    /** The application in its own JVM, with slow jobs so there is time to kill it mid-deployment. */
    private Process start(Path inbox, List<String> output) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path tmp = Files.createDirectories(work.resolve("tmp")); // a killed JVM cannot delete its emulators' storage
        Process process = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                FileDropApplication.class.getName(),
                "--deploykit.example.inbox=" + inbox,
                "--deploykit.example.demo-folder=" + work.resolve("demo"),
                "--deploykit.example.emulators=on",
                "--deploykit.example.emulator-job-step=3s",
                "--deploykit.example.read-lock-min-age=200ms",
                "--deploykit.example.poll-delay=100ms")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (java.io.IOException ended) {
                // the process was killed
            }
        }, "first-application-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }
}
