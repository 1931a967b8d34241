package io.deploykit.emulator.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static final String BOUNDARY = "----b0undary";

    @Test
    void readsEachPartAfterThePreamble() throws IOException {
        String body = "a preamble to ignore\r\n"
                      + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                      + "--" + BOUNDARY + "  \r\nContent-Disposition: form-data; name=\"package\"; filename=\"a.zip\""
                      + "\r\nContent-Type: application/zip\r\n\r\nZIP\r\nBYTES\r\n"
                      + "--" + BOUNDARY + "--\r\nan epilogue";
        MultipartReader reader = reader(body.getBytes(StandardCharsets.UTF_8), 7);

        Map<String, String> first = reader.nextPart();
        assertEquals("form-data; name=\"note\"", first.get("content-disposition"));
        assertEquals("hello", content(reader));
        Map<String, String> second = reader.nextPart();
        assertEquals("application/zip", second.get("content-type"));
        assertEquals("ZIP\r\nBYTES", content(reader));
        assertNull(reader.nextPart());
        assertNull(reader.nextPart());
    }

    @Test
    void refusesMoreThanAHundredParts() throws IOException {
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n";
        MultipartReader reader = reader((part.repeat(MultipartReader.MAX_PARTS + 1) + "--" + BOUNDARY + "--")
                .getBytes(StandardCharsets.UTF_8), 4096);
        for (int i = 0; i < MultipartReader.MAX_PARTS; i++) {
            reader.nextPart();
        }

        MultipartReader.MalformedException refused = assertThrows(MultipartReader.MalformedException.class,
                reader::nextPart);
        assertEquals("The multipart body has more than 100 parts", refused.getMessage());
    }

    @Test
    void skipsAPartNotCopied() throws IOException {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"skipped\"\r\n\r\nxxxxxxxx\r\n"
                      + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kept\"\r\n\r\nkept\r\n"
                      + "--" + BOUNDARY + "--";
        MultipartReader reader = reader(body.getBytes(StandardCharsets.UTF_8), 3);

        reader.nextPart();
        assertEquals("form-data; name=\"kept\"", reader.nextPart().get("content-disposition"));
        assertEquals("kept", content(reader));
    }

    /** Binary content larger than the buffer, with near-delimiters, arriving in odd-sized reads. */
    @Test
    void copiesBinaryContentWhateverTheReadSizes() throws IOException {
        byte[] content = new byte[300_000];
        new Random(42).nextBytes(content);
        byte[] nearDelimiter = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "X")
                .getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(nearDelimiter, 0, content, 65_530, nearDelimiter.length); // across the 64 KB buffer
        System.arraycopy(nearDelimiter, 0, content, content.length - nearDelimiter.length, nearDelimiter.length);
        byte[] sameEnd = ("X\n--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1); // differs only at its start
        for (int at = 1_000; at < 290_000; at += 31_337) {
            System.arraycopy(sameEnd, 0, content, at, sameEnd.length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"package\"\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));

        for (int chunk : new int[] {1, 13, 4096, 70_000}) {
            MultipartReader reader = reader(body.toByteArray(), chunk);
            reader.nextPart();
            ByteArrayOutputStream copied = new ByteArrayOutputStream();
            assertEquals(content.length, reader.transferPart(copied));
            assertArrayEquals(content, copied.toByteArray(), "reads of " + chunk + " bytes");
            assertNull(reader.nextPart());
        }
    }

    /** The delimiter's search steps over bytes: it must land on the delimiter wherever the content ends. */
    @Test
    void findsTheDelimiterAfterContentOfAnyLength() throws IOException {
        Random random = new Random(7);
        for (int length = 0; length < 400; length++) {
            byte[] content = new byte[length];
            random.nextBytes(content);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + BOUNDARY + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + BOUNDARY + "--").getBytes(StandardCharsets.ISO_8859_1));
            MultipartReader reader = reader(body.toByteArray(), Integer.MAX_VALUE);
            reader.nextPart();
            ByteArrayOutputStream copied = new ByteArrayOutputStream();
            reader.transferPart(copied);
            assertArrayEquals(content, copied.toByteArray(), "content of " + length + " bytes");
        }
    }

    @Test
    void refusesMalformedBodies() {
        String open = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"package\"\r\n\r\n";
        assertThrows(MultipartReader.MalformedException.class,
                () -> content(readerAt(open + "no closing boundary")));
        assertThrows(MultipartReader.MalformedException.class,
                () -> reader("no boundary at all".getBytes(StandardCharsets.UTF_8), 5).nextPart());
        assertThrows(MultipartReader.MalformedException.class,
                () -> reader(("--" + BOUNDARY + "\r\nno header colon\r\n\r\n").getBytes(StandardCharsets.UTF_8), 5)
                        .nextPart());
        assertThrows(MultipartReader.MalformedException.class,
                () -> new MultipartReader(InputStream.nullInputStream(), null));
        assertThrows(MultipartReader.MalformedException.class,
                () -> new MultipartReader(InputStream.nullInputStream(), "x".repeat(71)));
    }

    private static MultipartReader readerAt(String body) throws IOException {
        MultipartReader reader = reader(body.getBytes(StandardCharsets.UTF_8), 8);
        reader.nextPart();
        return reader;
    }

    private static String content(MultipartReader reader) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reader.transferPart(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A reader over a stream that gives at most {@code chunk} bytes a read, as a network does. */
    private static MultipartReader reader(byte[] body, int chunk) throws IOException {
        InputStream trickle = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, chunk));
            }
        };
        return new MultipartReader(trickle, BOUNDARY);
    }
}
