package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * Crafted files dropped into an application with a small heap (-Xmx128m): a 400 KB gzip whose XML root tag holds a
 * 400 MB attribute, and a zip whose extension.json expands to 1 GB. Each is refused with a typed error naming the
 * limit and moved to .error; the application keeps running and deploys the next file.
 */
class HostileFilesTest {

    @TempDir
    Path work;

    @Test
    void decompressionBombsAreRefusedAndTheApplicationKeepsDeploying() throws Exception {
        Path inbox = work.resolve("inbox");
        List<String> arguments = new java.util.ArrayList<>(SharedServices.quickInbox(inbox));
        arguments.addAll(List.of("--deploykit.example.emulators=on", "--deploykit.example.emulator-job-step=100ms"));
        try (ChildApplication app = ChildApplication.startWithHeap("small-heap", work, "128m", arguments)) {
            app.awaitStarted();

            gzipWithHugeAttribute(inbox.resolve("rapidstart/bomb.rapidstart"), 400L << 20);
            zipWithHugeManifest(inbox.resolve("extensions/bomb.zip"), 1L << 30);

            Path rapidNote = inbox.resolve("rapidstart/.error/bomb.rapidstart.error.txt");
            Path zipNote = inbox.resolve("extensions/.error/bomb.zip.error.txt");
            Eventually.await("both refused", Duration.ofSeconds(60),
                    () -> Files.exists(rapidNote) && Files.exists(zipNote), app::tail);
            String rapid = Files.readString(rapidNote);
            assertTrue(rapid.contains("InvalidInputException") && rapid.contains("1048576"), rapid);
            String zip = Files.readString(zipNote);
            assertTrue(zip.contains("InvalidInputException") && zip.contains("larger than"), zip);

            RapidStartFiles.write(inbox.resolve("rapidstart/after.rapidstart"), "AFTER-BOMBS", "After", 1, 1);
            Eventually.await("a normal file still deployed", Duration.ofSeconds(60),
                    () -> Files.exists(inbox.resolve("rapidstart/.done/after.rapidstart")), app::tail);
            assertTrue(app.isAlive());
            assertTrue(!app.logged("OutOfMemoryError"), app.tail());
        }
    }

    /** A RapidStart-shaped gzip whose root element's Code attribute is {@code size} bytes long. */
    private static void gzipWithHugeAttribute(Path target, long size) throws IOException {
        Files.createDirectories(target.getParent());
        Path staged = target.resolveSibling(".staging-" + target.getFileName());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(staged), 1 << 16)) {
            out.write("<?xml version=\"1.0\"?><DataList Code=\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'A');
            for (long written = 0; written < size; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\"></DataList>".getBytes(StandardCharsets.UTF_8));
        }
        Files.move(staged, target); // appears whole
    }

    /** An extension zip whose extension.json expands to {@code size} bytes of spaces. */
    private static void zipWithHugeManifest(Path target, long size) throws IOException {
        Files.createDirectories(target.getParent());
        Path staged = target.resolveSibling(".staging-" + target.getFileName());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(staged))) {
            zip.putNextEntry(new ZipEntry("extension.json"));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            for (long written = 0; written < size; written += chunk.length) {
                zip.write(chunk);
            }
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.move(staged, target);
    }
}
