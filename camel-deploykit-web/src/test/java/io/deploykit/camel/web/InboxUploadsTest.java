package io.deploykit.camel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads into a real inbox: sanitised names, a size limit, no replacement, and no part file left behind. */
class InboxUploadsTest {

    @TempDir
    Path dir;
    private Path inbox;
    private InboxUploads uploads;

    @BeforeEach
    void inbox() throws Exception {
        inbox = Files.createDirectories(dir.resolve("extensions"));
        uploads = new InboxUploads(new Inboxes(Map.of("extensions", inbox.toString())), 10);
    }

    private String upload(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return uploads.upload("extensions", name, bytes.length, new ByteArrayInputStream(bytes));
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileLandsUnderItsSanitisedNameAndNothingElse() throws Exception {
        assertEquals("evil name_.zip", upload("../../etc/evil name?.zip", "zip"));
        assertEquals("bashrc", upload("..\\.bashrc", "x"));

        assertEquals(List.of("bashrc", "evil name_.zip"), names());
        assertEquals("zip", Files.readString(inbox.resolve("evil name_.zip")));
    }

    @Test
    void tooLargeATakenNameOrAnUnknownInboxIsRefusedAndLeavesNothing() throws Exception {
        upload("tags.zip", "first");

        assertEquals(409, assertThrows(ActionRefusedException.class, () -> upload("tags.zip", "second")).status());
        assertEquals(413, assertThrows(ActionRefusedException.class, () -> uploads.upload("extensions", "big.zip", -1,
                new ByteArrayInputStream(new byte[11]))).status());
        assertEquals(404, assertThrows(ActionRefusedException.class, () -> uploads.upload("elsewhere", "a.zip", 1,
                new ByteArrayInputStream(new byte[1]))).status());
        assertEquals(400, assertThrows(ActionRefusedException.class, () -> upload("..", "x")).status());

        assertEquals(List.of("tags.zip"), names());
        assertEquals("first", Files.readString(inbox.resolve("tags.zip")));
    }

    @Test
    void anInboxWithNoFolderHereIsSaidNotAServerError() {
        InboxUploads onFtp = new InboxUploads(new Inboxes(Map.of("rapidstart", dir.resolve("on-ftp").toString())), 10);

        ActionRefusedException refused = assertThrows(ActionRefusedException.class,
                () -> onFtp.upload("rapidstart", "a.rapidstart", 1, new ByteArrayInputStream(new byte[1])));
        assertEquals(409, refused.status());
        assertEquals("Inbox 'rapidstart' has no folder on this machine (an FTP inbox takes files through FTP, not"
                     + " through the page)", refused.getMessage());
    }
}
