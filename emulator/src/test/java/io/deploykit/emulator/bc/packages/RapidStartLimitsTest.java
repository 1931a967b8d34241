package io.deploykit.emulator.bc.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.HostileFiles;
import io.deploykit.emulator.bc.TestFiles;

/**
 * A small file cannot make the RapidStart reader hold much: each limit refuses the package with a message naming
 * it, and a valid package with long field values is still read. (Under a small heap:
 * {@link RapidStartSmallHeapTest}.)
 */
class RapidStartLimitsTest {

    private static final String TABLE = "<Item><TableID>27</TableID>";

    @TempDir
    Path dir;

    @Test
    void aRootStartTagOverTheFirstMebibyteIsRefused() throws IOException {
        Path file = HostileFiles.hugeCode(dir.resolve("code.rapidstart"), RapidStartReader.MAX_ROOT_BYTES); // 2 MiB

        assertRefused(file, "the start tag of its root element does not end within the first 1048576 bytes");
    }

    @Test
    void aLongCommentBeforeTheRootCountsToo() throws IOException {
        Path file = HostileFiles.write(dir.resolve("comment.rapidstart"), HostileFiles.DECLARATION + "<!-- ", 'c',
                RapidStartReader.MAX_ROOT_BYTES, " --><DataList Code=\"C\"></DataList>");

        assertRefused(file, "root element does not end within the first 1048576 bytes");
    }

    @Test
    void aStartTagLaterOnOverAMebibyteIsRefused() throws IOException {
        Path file = HostileFiles.write(dir.resolve("tag.rapidstart"), HostileFiles.DECLARATION
                + "<DataList Code=\"TAG\">" + TABLE + "<Item Description=\"", 'd', RapidStartReader.MAX_TOKEN_BYTES,
                "\"/></Item></DataList>");

        assertRefused(file, "it has a start tag or a text longer than 1048576 bytes");
    }

    @Test
    void aTableIdOverAMebibyteIsRefused() throws IOException {
        Path file = HostileFiles.write(dir.resolve("id.rapidstart"), HostileFiles.DECLARATION
                + "<DataList Code=\"ID\"><Item><TableID>", '7', RapidStartReader.MAX_TOKEN_BYTES,
                "</TableID></Item></DataList>");

        assertRefused(file, "it has a start tag or a text longer than 1048576 bytes");
    }

    @Test
    void longFieldValuesAreReadInPieces() throws IOException, RapidStartReader.InvalidPackageException {
        char[] text = new char[64 * 1024]; // longer than deflate's window: compresses as text does
        Random random = new Random(7);
        for (int i = 0; i < text.length; i++) {
            text[i] = (char) ('a' + random.nextInt(26));
        }
        Path file = HostileFiles.write(dir.resolve("text.rapidstart"), HostileFiles.DECLARATION
                + "<DataList Code=\"TEXT\">" + TABLE + "<Item><Description>", text, 2L << 20,
                "</Description></Item></Item></DataList>");

        RapidStartContent content = RapidStartReader.read(file);

        assertEquals("TEXT", content.code());
        assertEquals(1, content.records());
    }

    @Test
    void aFileThatInflatesOverAThousandTimesItsSizeIsRefused() throws IOException {
        Path file = HostileFiles.write(dir.resolve("ratio.rapidstart"), HostileFiles.DECLARATION
                + "<DataList Code=\"RATIO\">" + TABLE + "<Item><Description>", 'x', 16L << 20,
                "</Description></Item></Item></DataList>");

        assertRefused(file, "it decompresses to more than 1000 times its size of " + Files.size(file) + " bytes");
    }

    @Test
    void deeplyNestedElementsAreRefused() throws IOException {
        String deep = "<a>".repeat(RapidStartReader.MAX_DEPTH) + "</a>".repeat(RapidStartReader.MAX_DEPTH);
        Path file = dir.resolve("deep.rapidstart");
        Files.write(file, TestFiles.gzip(HostileFiles.DECLARATION + "<DataList Code=\"DEEP\">" + deep + "</DataList>",
                StandardCharsets.UTF_16));

        assertRefused(file, "its elements nest deeper than 64 levels");
    }

    @Test
    void headerValuesLongerThanTheirFieldsAreRefusedWithoutQuotingThem() throws IOException {
        Path file = dir.resolve("name.rapidstart");
        Files.write(file, TestFiles.gzip(HostileFiles.DECLARATION + "<DataList Code=\"NAME\" PackageName=\""
                                         + "n".repeat(51) + "\"></DataList>", StandardCharsets.UTF_16));

        assertRefused(file, "its PackageName has 51 characters, more than the 50 it may have");
    }

    private static void assertRefused(Path file, String reason) {
        RapidStartReader.InvalidPackageException refused = assertThrows(RapidStartReader.InvalidPackageException.class,
                () -> RapidStartReader.read(file));
        assertTrue(refused.getMessage().startsWith(RapidStartReader.NOT_A_PACKAGE), refused::getMessage);
        assertTrue(refused.getMessage().contains(reason), refused::getMessage);
    }
}
