package io.deploykit.emulator.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.ChildJvm;
import io.deploykit.emulator.EmulatorMain;

/**
 * Standalone emulators killed with SIGKILL leave their temporary storage behind; the next emulator to start, of
 * either service, deletes it, and keeps the storage of live processes and the directory given with {@code --storage}.
 */
class KilledEmulatorStorageTest {

    private static final String READY = "Running until killed";

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void theNextStartDeletesTheStorageOfKilledEmulators() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path given = Files.createDirectory(tmp.resolve("bc-emulator-" + finished.pid() + "-given"));
        Files.writeString(given.resolve(StorageOwner.FILE), finished.pid() + " 0"); // a leftover, reused
        Process withGivenStorage = start("--bc", "--reactor", "--storage", given.toString());
        awaitReady(withGivenStorage); // it made the directory its own before another start sweeps
        Process killed = start("--bc", "--reactor");
        awaitReady(killed);
        List<Path> abandoned = storageOf(killed);
        assertEquals(2, abandoned.size(), abandoned::toString);

        killed.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        withGivenStorage.destroyForcibly().waitFor();
        assertTrue(abandoned.stream().allMatch(Files::isDirectory), "kill -9 leaves the storage behind");
        try (StorageDirectory live = StorageDirectory.open(null, "reactor-emulator-", tmp)) {
            Process next = start("--bc"); // Business Central alone: it deletes what any emulator left
            awaitReady(next);

            assertTrue(abandoned.stream().noneMatch(Files::exists), () -> "still there: " + abandoned);
            assertTrue(Files.isDirectory(given.resolve("packages")), "the directory given is kept, and its content");
            assertTrue(Files.isDirectory(live.root()), "the storage of a live process is kept");
            List<Path> own = storageOf(next);
            assertEquals(1, own.size(), own::toString);

            next.destroy(); // SIGTERM: the shutdown hook closes the emulators
            assertTrue(next.waitFor(20, TimeUnit.SECONDS));
            assertTrue(own.stream().noneMatch(Files::exists), "a stop deletes the storage: " + own);
        }
    }

    /** Starts the standalone emulators, on free ports, with temporary directories in {@code tmp}. */
    private Process start(String... options) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--reactor-port", "0"));
        args.addAll(List.of(options));
        Process process = ChildJvm.start(List.of("-Xmx128m", "-Djava.io.tmpdir=" + tmp), EmulatorMain.class,
                args.toArray(String[]::new));
        started.add(process);
        return process;
    }

    private static void awaitReady(Process process) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        boolean ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    seen.append(line).append('\n');
                    if (line.startsWith(READY)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }).get(30, TimeUnit.SECONDS);
        assertTrue(ready, seen::toString);
        drain(process); // a child blocked on a full pipe would not answer
    }

    private static void drain(Process process) {
        Thread drain = new Thread(() -> {
            try {
                process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    /** The temporary storage directories of this process. */
    private List<Path> storageOf(Process process) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(file -> file.getFileName().toString().matches("(bc|reactor)-emulator-" + process.pid()
                                                                              + "-.*")).toList();
        }
    }
}
