package io.deploykit.emulator.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestingOutputStreamTest {

    private static final int INLINE = DigestingOutputStream.INLINE_BYTES;

    @Test
    void hashesWhatPassesWhetherInlineOrOnItsOwnThread() throws IOException {
        for (int size : new int[] {0, 1, 1000, INLINE, INLINE + 1, 3 * INLINE + 12_345}) {
            byte[] content = random(size);
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            DigestingOutputStream out = new DigestingOutputStream(copy);

            writeInOddPieces(out, content);
            out.close();

            assertEquals(Sha256.of(content), out.sha256(), "size " + size);
            assertArrayEquals(content, copy.toByteArray(), "size " + size);
        }
    }

    @Test
    void takesSingleBytesToo() throws IOException {
        DigestingOutputStream out = new DigestingOutputStream(new ByteArrayOutputStream());
        out.write('a');
        out.write('b');
        out.close();
        out.close(); // a second close changes nothing

        assertEquals("fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603", out.sha256());
    }

    @Test
    void hasNoHashBeforeItIsClosed() throws IOException {
        DigestingOutputStream out = new DigestingOutputStream(new ByteArrayOutputStream());
        out.write(new byte[10]);

        assertThrows(IllegalStateException.class, out::sha256);
    }

    @Test
    void hashesAFileAsItsBytes(@TempDir Path dir) throws IOException {
        byte[] content = random(2 * INLINE + 7);
        Path file = Files.write(dir.resolve("content.bin"), content);

        assertEquals(Sha256.of(content), Sha256.of(file));
    }

    /** Writes of 1 to 100,000 bytes, so that writes straddle the inline limit and the chunks. */
    private static void writeInOddPieces(DigestingOutputStream out, byte[] content) throws IOException {
        Random random = new Random(7);
        int offset = 0;
        while (offset < content.length) {
            int length = Math.min(content.length - offset, 1 + random.nextInt(100_000));
            out.write(content, offset, length);
            offset += length;
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
