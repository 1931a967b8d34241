package io.deploykit.camel.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.camel.core.error.InvalidInputException;

/**
 * A zip whose central directory would fill the heap (a million tiny entries) is refused before it is opened,
 * naming the limit, and nothing is sent; ordinary zips, zip64 ones included, are read as before.
 */
class ZipLimitsTest extends ReactorTestSupport {

    @TempDir
    Path dir;

    @Test
    void aZipOfMoreEntriesThanTheLimitIsRefusedBeforeAnythingIsSent() throws Exception {
        Path zip = zipWith(dir.resolve("many.zip"), ZipDirectory.MAX_ENTRIES + 1);
        long requests = emulator.requests().size();

        Exchange fromFile = send("reactor:extensionPackage?operation=upload", zip.toFile(), null, null);
        InvalidInputException refused = assertInstanceOf(InvalidInputException.class, failure(fromFile));
        assertTrue(refused.getMessage().contains("more than the limit of " + ZipDirectory.MAX_ENTRIES), refused.getMessage());

        Exchange fromBytes = send("reactor:extensionPackage?operation=upload", Files.readAllBytes(zip), null, null);
        InvalidInputException streamed = assertInstanceOf(InvalidInputException.class, failure(fromBytes));
        assertTrue(streamed.getMessage().contains("more than the limit of " + ZipDirectory.MAX_ENTRIES), streamed.getMessage());
        assertEquals(requests, emulator.requests().size(), "nothing sent");
    }

    /**
     * A look-alike end record in the archive comment (declaring one entry) is not the one {@code ZipFile} takes: its
     * comment length does not reach the end of the file, so the JDK goes on to the real record and its directory.
     */
    @Test
    void aDecoyEndRecordInTheCommentDoesNotHideTheRealDirectory() throws Exception {
        Path zip = zipWith(dir.resolve("decoy.zip"), ZipDirectory.MAX_ENTRIES + 1, decoyEndRecord() + "padding");
        long requests = emulator.requests().size();

        Exchange sent = send("reactor:extensionPackage?operation=upload", zip.toFile(), null, null);

        InvalidInputException refused = assertInstanceOf(InvalidInputException.class, failure(sent));
        assertTrue(refused.getMessage().contains("more than the limit of " + ZipDirectory.MAX_ENTRIES), refused.getMessage());
        assertEquals(requests, emulator.requests().size(), "nothing sent");
    }

    @Test
    void theEndRecordIsReadAsTheZipDeclaresIt() throws Exception {
        ZipDirectory small = ZipDirectory.of(zipWith(dir.resolve("small.zip"), 3));
        assertEquals(4, small.entries(), "three entries and the manifest");
        assertNull(small.refusal());

        ZipDirectory zip64 = ZipDirectory.of(zipWith(dir.resolve("zip64.zip"), 70_000)); // past 65535: zip64 records
        assertEquals(70_001, zip64.entries());
        assertNotNull(zip64.refusal());

        assertNull(ZipDirectory.of(Files.writeString(dir.resolve("not.zip"), "not a zip")));
    }

    /** A valid extension zip with {@code filler} more entries of a few bytes each. */
    private static Path zipWith(Path target, long filler) throws IOException {
        return zipWith(target, filler, null);
    }

    /** An end record of an empty-looking zip of one entry, as the characters of a comment (all below 0x80). */
    private static String decoyEndRecord() {
        byte[] record = {'P', 'K', 5, 6, 0, 0, 0, 0, 1, 0, 1, 0, 0x2e, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        return new String(record, StandardCharsets.ISO_8859_1);
    }

    private static Path zipWith(Path target, long filler, String comment) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            if (comment != null) {
                zip.setComment(comment);
            }
            zip.putNextEntry(new ZipEntry("extension.json"));
            zip.write("{\"name\":\"many\",\"version\":\"1.0.0\",\"platform\":\"web\",\"displayName\":\"M\",\"description\":\"M\"}"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (long i = 0; i < filler; i++) {
                zip.putNextEntry(new ZipEntry("f/" + i));
                zip.write('x');
                zip.closeEntry();
            }
        }
        return target;
    }
}
