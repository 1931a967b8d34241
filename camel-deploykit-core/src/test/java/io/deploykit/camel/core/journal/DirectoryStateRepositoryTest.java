package io.deploykit.camel.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryStateRepositoryTest {

    @TempDir
    Path dir;

    private DirectoryStateRepository started(Path directory) {
        DirectoryStateRepository states = new DirectoryStateRepository(directory);
        states.start();
        return states;
    }

    private static List<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsOneFilePerKeyAndReplacesItWhole() throws Exception {
        Path directory = dir.resolve("states/nested");
        DirectoryStateRepository states = started(directory);
        assertTrue(Files.isDirectory(directory), "the directory is created at start");

        assertNull(states.getState("unknown-key"));
        states.setState("deploy-1", "{\"step\":\"creating\"}");
        states.setState("deploy-2", "{\"step\":\"uploading\"}");
        states.setState("deploy-1", "{\"step\":\"importing\"}");

        assertEquals("{\"step\":\"importing\"}", states.getState("deploy-1"));
        assertEquals("{\"step\":\"uploading\"}", states.getState("deploy-2"));
        assertEquals(List.of("deploy-1", "deploy-2"), names(directory), "no temporary file is left behind");
        assertEquals("{\"step\":\"importing\"}", Files.readString(directory.resolve("deploy-1")));
    }

    @Test
    void forcesTheNewValueToTheDiskBeforeTheRenameAndTheDirectoryAfterIt() throws Exception {
        List<String> forced = new ArrayList<>();
        DirectoryStateRepository states = new DirectoryStateRepository(dir) {
            @Override
            void force(FileChannel channel, Path path) throws IOException {
                super.force(channel, path);
                String target = Files.exists(dir.resolve("deploy-1")) ? Files.readString(dir.resolve("deploy-1")) : null;
                forced.add((path.equals(dir) ? "directory" : "file " + Files.readString(path)) + ", state " + target);
            }
        };
        states.start();
        states.setState("deploy-1", "one");
        states.setState("deploy-1", "two");

        assertEquals(List.of("file one, state null", "directory, state one", "file two, state one", "directory, state two"),
                forced);
    }

    @Test
    void anotherInstanceOnTheSameDirectorySeesTheStates() {
        started(dir).setState("a.b_c-1", "value");
        assertEquals("value", started(dir).getState("a.b_c-1"));
    }

    @Test
    void refusesKeysThatAreNotPlainFileNames() throws Exception {
        DirectoryStateRepository states = started(dir.resolve("states"));
        Files.writeString(dir.resolve("outside"), "secret");
        for (String key : new String[] { "../outside", "a/b", "a\\b", "", " ", "..", ".", ".tmp-123", "x".repeat(201), "ü" }) {
            assertThrows(IllegalArgumentException.class, () -> states.setState(key, "v"), "set " + key);
            assertThrows(IllegalArgumentException.class, () -> states.getState(key), "get " + key);
        }
        assertEquals("secret", Files.readString(dir.resolve("outside")));
        assertEquals(List.of(), names(dir.resolve("states")));
        states.setState("x".repeat(200), "longest");
        assertEquals("longest", states.getState("x".repeat(200)));
    }

    @Test
    void writesCutShortByACrashAreRemovedAtStart() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("states"));
        Files.writeString(directory.resolve("deploy-1"), "intact");
        Files.writeString(directory.resolve(".tmp-4711"), "half of a val");
        Files.writeString(directory.resolve(".tmp-4712"), "");

        DirectoryStateRepository states = started(directory);

        assertEquals(List.of("deploy-1"), names(directory));
        assertEquals("intact", states.getState("deploy-1"));
    }

    @Test
    void purgesTheStatesLastWrittenBeforeTheAgeGiven() throws Exception {
        DirectoryStateRepository states = started(dir);
        states.setState("old", "1");
        states.setState("recent", "2");
        Files.setLastModifiedTime(dir.resolve("old"), FileTime.from(Instant.now().minus(Duration.ofDays(8))));

        assertEquals(1, states.purgeOlderThan(Duration.ofDays(7)));

        assertNull(states.getState("old"));
        assertEquals("2", states.getState("recent"));
        assertEquals(0, states.purgeOlderThan(Duration.ofDays(7)));
        assertEquals(1, states.purgeOlderThan(Duration.ofSeconds(-60)));
        assertNull(states.getState("recent"));
    }

    @Test
    void listsTheLatestRecordsFirstWithTheirSettlement() throws Exception {
        DirectoryStateRepository states = started(dir);
        DeployJournal journal = new DeployJournal(states, "reactor:org", java.time.Clock.systemUTC());
        journal.entry("extensionPackage.upload", "old.zip|1").record("uploading", null, null);
        Files.setLastModifiedTime(dir.resolve(names(dir).get(0)), FileTime.from(Instant.now().minusSeconds(60)));
        DeployJournal.Entry recent = journal.entry("extensionPackage.upload", "new.zip|2");
        recent.record("processing", "ext-2", null);
        recent.settle().join();

        List<JournalRecord> latest = states.latest(5);
        assertEquals(List.of("new.zip|2", "old.zip|1"), latest.stream().map(JournalRecord::deploy).toList());
        assertTrue(latest.get(0).settled());
        assertEquals("ext-2", latest.get(0).by());
    }
}
