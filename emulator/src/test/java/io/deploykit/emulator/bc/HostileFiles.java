package io.deploykit.emulator.bc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** RapidStart files made to exhaust a reader: small gzips of huge XML, as a hostile client would send. */
public final class HostileFiles {

    public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>";

    private HostileFiles() {
    }

    /**
     * Gzip-compressed UTF-16 XML: {@code before}, {@code count} times {@code fill}, then {@code after}. A run of one
     * character compresses about 1000 to 1: 200 million of them (400 MB) make a 408 KB file.
     */
    public static Path write(Path target, String before, char fill, long count, String after) throws IOException {
        char[] chunk = new char[64 * 1024];
        Arrays.fill(chunk, fill);
        return write(target, before, chunk, count, after);
    }

    /** As {@link #write(Path, String, char, long, String)}, repeating {@code chunk} over {@code count} characters. */
    public static Path write(Path target, String before, char[] chunk, long count, String after) throws IOException {
        try (OutputStream file = Files.newOutputStream(target);
             Writer xml = new OutputStreamWriter(new GZIPOutputStream(file, 64 * 1024), StandardCharsets.UTF_16)) {
            xml.write(before);
            for (long left = count; left > 0; left -= chunk.length) {
                xml.write(chunk, 0, (int) Math.min(left, chunk.length));
            }
            xml.write(after);
        }
        return target;
    }

    /** A package whose root start tag holds a {@code Code} attribute of this many characters. */
    public static Path hugeCode(Path target, long characters) throws IOException {
        return write(target, DECLARATION + "<DataList Code=\"", 'A', characters, "\"></DataList>");
    }
}
