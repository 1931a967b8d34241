package io.deploykit.emulator.bc.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.TestFiles;

/** The generator writes what Business Central writes, and the reader counts what an import counts. */
class RapidStartFilesTest {

    @TempDir
    Path directory;

    @Test
    void writesGzippedUtf16WithAByteOrderMark() throws IOException {
        Path file = directory.resolve("small.rapidstart");

        RapidStartFiles.Written written = RapidStartFiles.write(file, "SMALL", "Small package", 3, 4);

        assertEquals(3, written.tables());
        assertEquals(12, written.records());
        assertEquals(Files.size(file), written.bytes());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] start = in.readNBytes(12);
            assertEquals((byte) 0xFF, start[0]);
            assertEquals((byte) 0xFE, start[1]);
            assertEquals("<?xml", new String(start, 2, 10, StandardCharsets.UTF_16LE));
        }
    }

    @Test
    void readsBackWhatWasWritten() throws Exception {
        Path file = directory.resolve("many.rapidstart");
        RapidStartFiles.write(file, "MANY", "Many tables", 14, 3);

        RapidStartContent content = RapidStartReader.read(file);

        assertEquals("MANY", content.code());
        assertEquals("Many tables", content.packageName());
        assertEquals(1033, content.languageId());
        assertEquals(14, content.tables());
        assertEquals(42, content.records());
    }

    @Test
    void readsUtf16BigEndianAndUtf8() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"%s\"?>"
                     + "<DataList Code=\"ENC\"><ItemList><TableID>27</TableID><Item><No>1</No></Item></ItemList>"
                     + "<!-- a comment --><EmptyList><TableID>3</TableID></EmptyList></DataList>";
        Path utf16 = directory.resolve("utf16.rapidstart");
        Path utf8 = directory.resolve("utf8.rapidstart");
        // Java's UTF-16 encoder writes a big-endian byte order mark
        Files.write(utf16, TestFiles.gzip(String.format(xml, "UTF-16"), StandardCharsets.UTF_16));
        Files.write(utf8, TestFiles.gzip(String.format(xml, "UTF-8"), StandardCharsets.UTF_8));

        for (Path file : new Path[] {utf16, utf8}) {
            RapidStartContent content = RapidStartReader.read(file);

            assertEquals("ENC", content.code());
            assertEquals(2, content.tables());
            assertEquals(1, content.records());
        }
    }

    @Test
    void rejectsATableWithoutTableId() throws IOException {
        Path file = directory.resolve("noid.rapidstart");
        Files.write(file, TestFiles.gzip("<DataList Code=\"X\"><ItemList><Item><No>1</No></Item></ItemList>"
                                         + "</DataList>", StandardCharsets.UTF_8));

        var error = assertThrows(RapidStartReader.InvalidPackageException.class, () -> RapidStartReader.read(file));

        assertTrue(error.getMessage().contains("<ItemList> has no TableID"), error::getMessage);
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        Path whole = directory.resolve("whole.rapidstart");
        RapidStartFiles.write(whole, "CUT", "Cut", 5, 50);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = directory.resolve("cut.rapidstart");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        var error = assertThrows(RapidStartReader.InvalidPackageException.class, () -> RapidStartReader.read(cut));

        assertTrue(error.getMessage().startsWith(RapidStartReader.NOT_A_PACKAGE), error::getMessage);
    }

    @Test
    void writesAFileOfAboutTheAskedSize() throws Exception {
        Path file = directory.resolve("sized.rapidstart");
        long asked = 3L << 20;

        RapidStartFiles.Written written = RapidStartFiles.writeOfSize(file, "SIZED", asked);

        assertTrue(written.bytes() >= asked && written.bytes() < asked + (512 << 10), () -> written.bytes() + " bytes");
        RapidStartContent content = RapidStartReader.read(file);
        assertEquals(written.tables(), content.tables());
        assertEquals(written.records(), content.records());
    }
}
