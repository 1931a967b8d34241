package io.deploykit.emulator.bc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** Package files for tests: valid ones, and the broken kinds an import must reject. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A valid package made by {@link RapidStartFiles}. */
    static byte[] rapidStart(Path directory, String code, int tables, int recordsPerTable) {
        try {
            Path file = Files.createTempFile(directory, code, ".rapidstart");
            RapidStartFiles.write(file, code, "Package " + code, tables, recordsPerTable);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This XML, encoded, then gzip-compressed. */
    public static byte[] gzip(String xml, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(xml.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
