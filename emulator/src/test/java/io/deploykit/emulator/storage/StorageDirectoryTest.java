package io.deploykit.emulator.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.ChildJvm;

/**
 * Opening a temporary storage directory sweeps those of processes that are gone, and nothing else: not those of live
 * processes (by pid, or by the lock on their mark), not directories it did not make as temporary ones, not one given
 * to keep, not what a link points at.
 */
class StorageDirectoryTest {

    private static final String PREFIX = "bc-emulator-";
    private static long deadPid;

    @TempDir
    Path tmp;

    @BeforeAll
    static void aProcessThatIsGone() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        deadPid = process.pid();
    }

    @Test
    void sweepsTheDirectoriesOfEveryEmulatorWhoseProcessIsGone() throws IOException {
        Path abandoned = temporary(PREFIX + deadPid + "-123", deadPid + " 0");
        Files.createDirectories(abandoned.resolve("packages"));
        Files.writeString(abandoned.resolve("packages").resolve("p.rapidstart"), "content");
        Path otherEmulator = temporary("reactor-emulator-" + deadPid + "-1", deadPid + " 0");

        try (StorageDirectory opened = StorageDirectory.open(null, PREFIX, tmp)) {
            assertFalse(Files.exists(abandoned));
            assertFalse(Files.exists(otherEmulator));
            assertTrue(opened.root().getFileName().toString().startsWith(PREFIX + ProcessHandle.current().pid() + "-"),
                    opened.root()::toString);
        }
    }

    @Test
    void keepsTheDirectoriesOfLiveProcesses() {
        try (StorageDirectory first = StorageDirectory.open(null, PREFIX, tmp);
             StorageDirectory second = StorageDirectory.open(null, PREFIX, tmp)) {
            assertTrue(Files.isDirectory(first.root()));
            assertTrue(Files.isDirectory(second.root()));
        }
    }

    @Test
    void aPidNowUsedByAProcessStartedAnotherTimeIsGone() throws IOException {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Path reused = temporary(PREFIX + other.pid() + "-456", other.pid() + " 1000"); // started in 1970

            StorageDirectory.sweep(tmp);

            assertFalse(Files.exists(reused));
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void keepsADirectoryWhoseMarkIsLockedWhateverItsPid() throws Exception {
        Path locked = temporary(PREFIX + deadPid + "-locked", deadPid + " 0");
        Process holder = ChildJvm.start(List.of(), HoldLock.class, locked.resolve(StorageOwner.FILE).toString());
        try {
            assertEquals("locked", new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8)).readLine());

            StorageDirectory.sweep(tmp);
            assertTrue(Files.exists(locked), "its process runs, under a pid this one cannot see");

            holder.destroyForcibly().waitFor();
            StorageDirectory.sweep(tmp);
            assertFalse(Files.exists(locked), "killed, it freed the lock");
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void keepsTheDirectoriesNamedAfterThisProcess() throws IOException {
        long self = ProcessHandle.current().pid();
        Path own = temporary(PREFIX + self + "-789", self + " 1000");

        StorageDirectory.sweep(tmp);

        assertTrue(Files.exists(own));
    }

    @Test
    void keepsWhatItDidNotMakeAsATemporaryDirectory() throws IOException {
        Path unmarked = Files.createDirectory(tmp.resolve(PREFIX + deadPid + "-unmarked"));
        Path otherPrefix = temporary("emulator-" + deadPid + "-1", deadPid + " 0");
        Path otherName = temporary(PREFIX + "x" + deadPid + "-1", deadPid + " 0");
        Path wrongOwner = temporary(PREFIX + deadPid + "-2", (deadPid + 1) + " 0");
        Path target = temporary("elsewhere", deadPid + " 0");
        Path link = Files.createSymbolicLink(tmp.resolve(PREFIX + deadPid + "-link"), target);

        StorageDirectory.sweep(tmp);

        for (Path kept : new Path[] {unmarked, otherPrefix, otherName, wrongOwner, link, target}) {
            assertTrue(Files.exists(kept), kept::toString);
        }
        assertTrue(Files.exists(target.resolve(StorageOwner.FILE)), "nothing deleted through the link");
    }

    @Test
    void aDirectoryGivenToKeepIsNeverSweptEvenIfItWasTemporary() throws IOException {
        Path given = temporary(PREFIX + deadPid + "-given", deadPid + " 0");

        try (StorageDirectory opened = StorageDirectory.open(given, PREFIX, tmp)) {
            assertEquals(given, opened.root());
        }
        StorageDirectory.sweep(tmp);

        assertTrue(Files.isDirectory(given));
        assertFalse(Files.exists(given.resolve(StorageOwner.FILE)));
    }

    @Test
    void closingATemporaryDirectoryDeletesIt() throws IOException {
        StorageDirectory opened = StorageDirectory.open(null, PREFIX, tmp);
        Files.writeString(opened.root().resolve("upload.zip"), "zip");

        opened.close();

        assertFalse(Files.exists(opened.root()));
    }

    /** A directory marked as temporary with this owner. */
    private Path temporary(String name, String owner) throws IOException {
        Path directory = Files.createDirectory(tmp.resolve(name));
        Files.writeString(directory.resolve(StorageOwner.FILE), owner);
        return directory;
    }
}
