package io.deploykit.emulator.reactor.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.reactor.TestZips;

/**
 * A zip cannot make processing hold much: the central directory, the number of entries, the size of extension.json
 * and how much it inflates are bounded, and each limit fails processing with an error naming it. (Under a small
 * heap: {@link ZipBombSmallHeapTest}.)
 */
class PackageInspectorLimitsTest {

    private static final String MANIFEST = TestZips.manifest("limits", "1.0.0", "web", "");

    @TempDir
    Path dir;

    @Test
    void moreEntriesThanAnExtensionHasAreRefused() throws IOException {
        Path zip = zip(dir.resolve("entries.zip"), PackageInspector.MAX_ENTRIES, 8);

        assertSingleError(zip, ProcessingError.ZIP_ERROR, "The package has more than 10000 entries.");
        assertTrue(PackageInspector.readManifest(zip).isEmpty(), "the upload does not read it either");
    }

    @Test
    void aCentralDirectoryOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path zip = zip(dir.resolve("names.zip"), 3000, 1500); // 3000 entries of 46 + 1500 bytes

        assertSingleError(zip, ProcessingError.ZIP_ERROR, "central directory is larger than 4194304 bytes");
    }

    @Test
    void everyEndRecordCountsEvenAZip64OneTheJdkWouldIgnore() throws IOException {
        Path zip = withZip64EndRecord(TestZips.of(dir.resolve("ok.zip"), Map.of("extension.json", MANIFEST)),
                1L << 40);

        assertSingleError(zip, ProcessingError.ZIP_ERROR, "more than 10000 entries");
    }

    @Test
    void aManifestThatInflatesAHundredfoldIsAZipBomb() throws IOException {
        Path zip = TestZips.bomb(dir.resolve("bomb.zip"), 64L << 20);

        assertSingleError(zip, ProcessingError.ZIP_ERROR, "extension.json inflates to more than 100 times its "
                                                          + "compressed size");
    }

    @Test
    void aManifestThatLiesAboutItsSizeIsReadNoFurtherThanTheLimit() throws IOException {
        Path zip = dir.resolve("liar.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("extension.json"));
            out.write(randomText(4 << 20));
        }
        declareSize(zip, "extension.json", 1000);

        assertSingleError(zip, ProcessingError.MANIFEST_ERROR, "extension.json is larger than 1048576 bytes.");
    }

    @Test
    void aManifestNestedTooDeepIsRefused() throws IOException {
        String deep = "[".repeat(101) + "]".repeat(101);
        Path zip = TestZips.of(dir.resolve("deep.zip"), Map.of("extension.json", MANIFEST.replace("}}",
                "},\"deep\":" + deep + "}")));

        assertSingleError(zip, ProcessingError.MANIFEST_ERROR, "extension.json is over a limit: Document nesting "
                                                               + "depth (101) exceeds the maximum allowed (100).");
    }

    /** A zip of extension.json and {@code files} empty files with names of {@code nameLength} characters. */
    private static Path zip(Path target, int files, int nameLength) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("extension.json"));
            zip.write(MANIFEST.getBytes(StandardCharsets.UTF_8));
            String padding = "f".repeat(Math.max(0, nameLength - 6));
            for (int i = 0; i < files; i++) {
                ZipEntry empty = new ZipEntry(String.format("%06d", i) + padding);
                empty.setMethod(ZipEntry.STORED); // no deflater per entry: ten times faster to write
                empty.setSize(0);
                empty.setCrc(0);
                zip.putNextEntry(empty);
            }
        }
        return target;
    }

    /** The zip with a zip64 end record and its locator inserted before the end record, declaring this many entries. */
    private static Path withZip64EndRecord(Path zip, long entries) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        int end = bytes.length - 22; // no comment
        ByteBuffer zip64 = ByteBuffer.allocate(56 + 20).order(ByteOrder.LITTLE_ENDIAN);
        zip64.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(entries).putLong(entries).putLong(46).putLong(0);
        zip64.putInt(0x07064b50).putInt(0).putLong(end).putInt(1);
        ByteBuffer result = ByteBuffer.allocate(bytes.length + zip64.capacity());
        result.put(bytes, 0, end).put(zip64.array()).put(bytes, end, 22);
        return Files.write(zip, result.array());
    }

    /** Rewrites the uncompressed size the central directory declares for an entry. */
    private static void declareSize(Path zip, String name, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length - 46; i++) {
            if (buffer.getInt(i) == 0x02014b50 && buffer.getShort(i + 28) == wanted.length
                && Arrays.equals(bytes, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                buffer.putInt(i + 24, size);
            }
        }
        Files.write(zip, bytes);
    }

    private static byte[] randomText(int length) {
        byte[] text = new byte[length];
        Random random = new Random(11);
        for (int i = 0; i < length; i++) {
            text[i] = (byte) ('a' + random.nextInt(26));
        }
        return text;
    }

    private static void assertSingleError(Path zip, String code, String detailPart) {
        List<ProcessingError> errors = PackageInspector.inspect(zip).errors();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(code, errors.get(0).code(), errors::toString);
        assertTrue(errors.get(0).detail().contains(detailPart), errors.get(0)::detail);
    }
}
