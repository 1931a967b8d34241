package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.Picture;
import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;

/** Input that would be sent half, or read whole to learn its first line, is refused before anything is sent. */
class IncompleteInputTest extends BcTestSupport {

    private static final String UPDATE = "bc:picture?operation=update";
    private static final String DEPLOY = "bc:configurationPackage?operation=deploy";

    @Test
    void aPictureCutShortIsRefusedBeforeAnythingIsSent() throws Exception {
        Map<String, byte[]> pictures = Map.of("1000.png", Images.png(64, 48), "1000.jpg", Images.jpeg(64, 48),
                "1000.gif", Images.gif(64, 48));
        for (Map.Entry<String, byte[]> picture : pictures.entrySet()) {
            byte[] whole = picture.getValue();
            Path cut = Files.write(dir.resolve(picture.getKey()), Arrays.copyOf(whole, whole.length - 7));

            Exchange result = send(UPDATE, cut.toFile(), BcConstants.PARENT_NUMBER, "1000");

            InvalidInputException e = assertInstanceOf(InvalidInputException.class, failure(result), picture.getKey());
            assertTrue(e.getMessage().contains(picture.getKey()) && e.getMessage().contains("end is missing"), e.getMessage());
        }
        assertEquals(List.of(), emulator.requests(), "nothing reached Business Central");
    }

    @Test
    void wholePicturesPassTheCheckAsDoesAJpegPaddedAfterItsEnd() throws Exception {
        byte[] jpeg = Images.jpeg(30, 20);
        byte[] padded = Arrays.copyOf(jpeg, jpeg.length + 300);
        for (byte[] picture : List.of(Images.png(30, 20), Images.gif(30, 20), padded)) {
            Exchange result = send(UPDATE, picture, BcConstants.PARENT_NUMBER, "1000");
            assertNull(result.getException());
            assertEquals(30, result.getMessage().getBody(Picture.class).getWidth());
        }
        assertEquals(3, emulator.requestCount("pictures.content.upload"));
    }

    @Test
    void aRapidStartFileWhoseRootElementExceedsTheHeadLimitIsRefusedNamingIt() throws Exception {
        Path huge = dir.resolve("huge.rapidstart");
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(huge))) {
            gzip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DataList Code=\"".getBytes(StandardCharsets.UTF_8));
            byte[] code = new byte[2 * 1024 * 1024];
            Arrays.fill(code, (byte) 'A');
            gzip.write(code);
            gzip.write("\" PackageName=\"Huge\"></DataList>".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(Files.size(huge) < 64 * 1024, "a few KB on disk: " + Files.size(huge));

        Exchange result = send(DEPLOY, huge.toFile(), null, null);

        InvalidInputException e = assertInstanceOf(InvalidInputException.class, failure(result));
        assertTrue(e.getMessage().contains("huge.rapidstart") && e.getMessage().contains(String.valueOf(1 << 20)),
                e.getMessage());
        assertEquals(List.of(), emulator.requests());
    }

    @Test
    void onlyTheHeadOfALargePackageIsRead() throws IOException {
        Path large = RapidStartFiles.write(dir.resolve("large.rapidstart"), "LARGE-HEAD", "Large", 10, 1_000).file();
        long decompressed;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(large))) {
            decompressed = in.transferTo(OutputStream.nullOutputStream());
        }
        assertTrue(decompressed > 2L * RapidStartFile.MAX_HEAD, "larger than the limit: " + decompressed);

        RapidStartFile read = RapidStartFile.read(UploadBody.ofFile(large));

        assertEquals("LARGE-HEAD", read.code());
        assertEquals("Large", read.packageName());
    }
}
