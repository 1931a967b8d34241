package io.deploykit.examples.yaml;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * The README's command, {@code mvn exec:exec}, starts the application in a JVM of its own on the runtime class path,
 * in the example's folder: started the same way, its output shows what a newcomer must see, each file picked, each
 * job status and each move to .done or .error.
 */
class YamlDslCommandTest {

    @TempDir
    Path folder;

    @Test
    void inItsOwnJvmTheApplicationLogsEachFileEachJobStatusAndEachMove() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-classpath", runtimeClasspath(),
                // quicker than the defaults of application.properties, as system properties override them
                "-DreadLockMinAge=200", "-DpollDelay=100",
                "-Dcamel.component.bc.poll-interval=200", "-Dcamel.component.reactor.poll-interval=200",
                "-Ddeploykit.emulators=on", // as mvn exec:exec -Ddeploykit.emulators=on passes it
                YamlDslApplication.class.getName())
                .directory(folder.toFile()).redirectErrorStream(true).start();
        Output output = new Output(process);
        try {
            Path inbox = folder.resolve("inbox").toAbsolutePath();
            output.await("Drop files into " + inbox.resolve("releases"));
            output.await("Demo files to try: copy them into the inbox");
            Path demoApp = folder.resolve("demo/apps/DeployKit Demo_1.0.0.0.app");
            Files.copy(demoApp, inbox.resolve("apps").resolve(demoApp.getFileName()));
            RapidStartFiles.write(inbox.resolve("rapidstart/yaml.rapidstart"), "YAML-1", "From YAML", 1, 4);
            Files.writeString(inbox.resolve("rapidstart/broken.rapidstart"), "nope");

            output.await("rapidstart - Picked yaml.rapidstart (");
            output.await("import of configuration package YAML-1: importStatus=Completed");
            output.await("apply of configuration package YAML-1: applyStatus=Completed");
            output.await("rapidstart - Deployed configuration package YAML-1: 4 records, applyStatus=Completed;"
                         + " moving yaml.rapidstart to .done");
            output.await("rapidstart - broken.rapidstart failed and is moved to .error: 'broken.rapidstart' is not a"
                         + " RapidStart package");
            output.await("apps - App DeployKit Demo 1.0.0.0: operation Succeeded, skipped=false; moving"
                         + " DeployKit Demo_1.0.0.0.app to .done");
            await("yaml.rapidstart in .done", () -> Files.exists(inbox.resolve("rapidstart/.done/yaml.rapidstart")));
            await("broken.rapidstart in .error",
                    () -> Files.exists(inbox.resolve("rapidstart/.error/broken.rapidstart")));
            assertTrue(Files.exists(folder.resolve("demo/rapidstart/DEMO-CUSTOMERS.rapidstart")), output.text());
        } finally {
            // SIGTERM, as Ctrl+C: camel-main stops the routes (Process.destroy() would also close the output)
            process.toHandle().destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s");
        }
        output.await("Apache Camel (Main) 4.22.0 is shutdown");
    }

    @Test
    void withNeitherTheServicesConfiguredNorTheEmulatorsAskedForTheStartFailsNamingWhatToSet() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-classpath", runtimeClasspath(), "-Ddeploykit.emulators=off", YamlDslApplication.class.getName())
                .directory(folder.toFile()).redirectErrorStream(true).start();
        Output output = new Output(process);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "it exits");
        output.await("DeployKitException");
        String text = output.text();
        assertTrue(text.contains("camel.component.bc.tenant-id") && text.contains("camel.component.reactor.client-id")
                   && text.contains("deploykit.emulators=on"), text);
        assertTrue(process.exitValue() != 0, "a failed start: " + process.exitValue());
        assertTrue(Files.notExists(folder.resolve("inbox")), "no file taken: no inbox made");
    }

    /** What exec:exec passes as %classpath: the module's classes and its runtime dependencies (written by the build). */
    private static String runtimeClasspath() throws IOException {
        Path dependencies = Path.of("target/runtime-classpath.txt");
        assertTrue(Files.exists(dependencies), dependencies + " is written by maven-dependency-plugin:build-classpath");
        return Path.of("target/classes").toAbsolutePath() + File.pathSeparator + Files.readString(dependencies).trim();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    /** The child's output, read as it comes. */
    private static final class Output {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        Output(Process process) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "yaml-dsl-output");
            reader.setDaemon(true);
            reader.start();
        }

        void await(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (lines.stream().noneMatch(line -> line.contains(expected))) {
                if (System.nanoTime() > deadline) {
                    fail("Not in the output within 30 s: " + expected + "\n--- output:\n" + text());
                }
                Thread.sleep(50);
            }
        }

        String text() {
            return String.join("\n", lines);
        }
    }
}
