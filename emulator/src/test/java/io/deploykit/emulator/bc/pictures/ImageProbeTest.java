package io.deploykit.emulator.bc.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageProbeTest {

    @TempDir
    Path directory;

    @Test
    void readsTheTypeAndSizeOfEachFormat() throws IOException {
        assertEquals(Optional.of(new ImageInfo("image/png", 640, 480)), probe(Images.png(640, 480)));
        assertEquals(Optional.of(new ImageInfo("image/jpeg", 33, 17)), probe(Images.jpeg(33, 17)));
        assertEquals(Optional.of(new ImageInfo("image/gif", 8, 300)), probe(Images.gif(8, 300)));
        assertEquals(Optional.of(new ImageInfo("image/bmp", 21, 13)), probe(Images.bmp(21, 13)));
    }

    @Test
    void findsNoImageInOtherBytes() throws IOException {
        assertTrue(probe("%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII)).isEmpty());
        assertTrue(probe(new byte[0]).isEmpty());
        assertTrue(probe(Arrays.copyOf(Images.png(10, 10), 12)).isEmpty(), "a PNG cut inside its header");
        assertTrue(probe(Arrays.copyOf(Images.jpeg(10, 10), 4)).isEmpty(), "a JPEG cut before its frame");
    }

    private Optional<ImageInfo> probe(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(directory, "image", ".bin");
        Files.write(file, bytes);
        return ImageProbe.probe(file);
    }
}
