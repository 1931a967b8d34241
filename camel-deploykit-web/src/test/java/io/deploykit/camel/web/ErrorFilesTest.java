package io.deploykit.camel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retry and Dismiss on real folders: nothing is ever deleted or replaced, and only configured inboxes are reached. */
class ErrorFilesTest {

    @TempDir
    Path dir;
    private Path inbox;
    private ErrorFiles files;

    @BeforeEach
    void failedFile() throws Exception {
        inbox = dir.resolve("rapidstart");
        Files.createDirectories(inbox.resolve(".error"));
        Files.writeString(inbox.resolve(".error/bad.rapidstart"), "content");
        Files.writeString(inbox.resolve(".error/bad.rapidstart.error.txt"), "File:   bad.rapidstart\nReason: table locked\n");
        Files.writeString(inbox.resolve(".error/release.zip.report.md"), "# a report, not a failed file");
        files = new ErrorFiles(new Inboxes(Map.of("rapidstart", inbox.toString())), Clock.systemUTC());
    }

    @Test
    void listsTheFailedFilesWithTheReasonOfTheirNote() {
        var listed = files.list();
        assertEquals(1, listed.size(), listed.toString());
        assertEquals("bad.rapidstart", listed.get(0).name());
        assertEquals("table locked", listed.get(0).reason());
    }

    @Test
    void anInboxWithNoFolderHereListsNothingAndTheOthersStillShow() {
        ErrorFiles withFtp = new ErrorFiles(new Inboxes(Map.of("rapidstart", inbox.toString(),
                "extensions", dir.resolve("on-ftp").toString())), Clock.systemUTC());

        assertEquals(List.of("bad.rapidstart"), withFtp.list().stream().map(f -> f.name()).toList());
    }

    @Test
    void retryMovesTheFileBackAndKeepsItsNoteAside() throws Exception {
        files.retry("rapidstart", "bad.rapidstart");

        assertEquals("content", Files.readString(inbox.resolve("bad.rapidstart")));
        assertFalse(Files.exists(inbox.resolve(".error/bad.rapidstart")));
        assertTrue(Files.exists(inbox.resolve(".error/.retried/bad.rapidstart.error.txt")));
        ActionRefusedException late = assertThrows(ActionRefusedException.class, () -> files.dismiss("rapidstart",
                "bad.rapidstart"), "another instance's click, after the retry");
        assertEquals(404, late.status());
        assertEquals("content", Files.readString(inbox.resolve("bad.rapidstart")));
    }

    @Test
    void retryNeverReplacesAFileOfTheSameNameInTheInbox() throws Exception {
        Files.writeString(inbox.resolve("bad.rapidstart"), "a newer drop");

        ActionRefusedException refused = assertThrows(ActionRefusedException.class, () -> files.retry("rapidstart", "bad.rapidstart"));

        assertEquals(409, refused.status());
        assertEquals("a newer drop", Files.readString(inbox.resolve("bad.rapidstart")));
        assertEquals("content", Files.readString(inbox.resolve(".error/bad.rapidstart")), "left where it was");
    }

    @Test
    void dismissArchivesTheFileAndItsNoteNeverDeletingThem() throws Exception {
        files.dismiss("rapidstart", "bad.rapidstart");

        assertEquals("content", Files.readString(inbox.resolve(".error/.dismissed/bad.rapidstart")));
        assertTrue(Files.exists(inbox.resolve(".error/.dismissed/bad.rapidstart.error.txt")));
        assertEquals(0, files.list().size());
    }

    @Test
    void onlyPlainNamesInConfiguredInboxesAreReached() {
        assertEquals(400, assertThrows(ActionRefusedException.class, () -> files.retry("rapidstart", "../rapidstart/.error/bad.rapidstart")).status());
        assertEquals(400, assertThrows(ActionRefusedException.class, () -> files.dismiss("rapidstart", ".deploykit-claim")).status());
        assertEquals(404, assertThrows(ActionRefusedException.class, () -> files.retry("elsewhere", "bad.rapidstart")).status());
        assertTrue(Files.exists(inbox.resolve(".error/bad.rapidstart")));
    }
}
