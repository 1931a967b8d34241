package io.deploykit.emulator.bc.pictures;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells the type and size of a PNG, JPEG, GIF or BMP image from its first bytes, reading no further than the header
 * that holds them (for a JPEG, up to its frame header).
 */
final class ImageProbe {

    private ImageProbe() {
    }

    /** What the file's header says; empty when it is none of the four formats, or broken. */
    static Optional<ImageInfo> probe(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return probe(in).filter(info -> info.width() > 0 && info.height() > 0);
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    private static Optional<ImageInfo> probe(DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        if (first == 0x89 && second == 'P') {
            return png(in);
        }
        if (first == 0xFF && second == 0xD8) {
            return jpeg(in);
        }
        if (first == 'G' && second == 'I') {
            return gif(in);
        }
        if (first == 'B' && second == 'M') {
            return bmp(in);
        }
        return Optional.empty();
    }

    /** Signature {@code 89 PNG CR LF SUB LF}, then the IHDR chunk: length, type, width, height (big-endian). */
    private static Optional<ImageInfo> png(DataInputStream in) throws IOException {
        byte[] rest = in.readNBytes(14);
        if (rest.length < 14 || rest[0] != 'N' || rest[1] != 'G' || rest[10] != 'I' || rest[11] != 'H'
            || rest[12] != 'D' || rest[13] != 'R') {
            return Optional.empty();
        }
        return Optional.of(new ImageInfo("image/png", in.readInt(), in.readInt()));
    }

    /** Markers until a start-of-frame, which holds the height and then the width (big-endian). */
    private static Optional<ImageInfo> jpeg(DataInputStream in) throws IOException {
        while (true) {
            if (in.readUnsignedByte() != 0xFF) {
                return Optional.empty();
            }
            int marker = in.readUnsignedByte();
            while (marker == 0xFF) { // fill bytes
                marker = in.readUnsignedByte();
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                continue; // markers without a segment
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return Optional.empty(); // end of image or start of scan before any frame
            }
            int length = in.readUnsignedShort();
            if (isStartOfFrame(marker)) {
                in.readUnsignedByte(); // sample precision
                int height = in.readUnsignedShort();
                int width = in.readUnsignedShort();
                return Optional.of(new ImageInfo("image/jpeg", width, height));
            }
            in.skipNBytes(length - 2);
        }
    }

    /** SOF0 to SOF15, but for DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** {@code GIF87a} or {@code GIF89a}, then width and height (little-endian). */
    private static Optional<ImageInfo> gif(DataInputStream in) throws IOException {
        byte[] rest = in.readNBytes(4);
        if (rest.length < 4 || rest[0] != 'F' || rest[1] != '8' || rest[2] != '7' && rest[2] != '9'
            || rest[3] != 'a') {
            return Optional.empty();
        }
        return Optional.of(new ImageInfo("image/gif", littleEndian16(in), littleEndian16(in)));
    }

    /**
     * The file header (14 bytes), then the DIB header: its size tells an old OS/2 header (16-bit width and height)
     * from the usual ones (32-bit; a negative height means the rows are stored top-down).
     */
    private static Optional<ImageInfo> bmp(DataInputStream in) throws IOException {
        in.skipNBytes(12);
        long headerSize = littleEndian32(in);
        if (headerSize == 12) {
            return Optional.of(new ImageInfo("image/bmp", littleEndian16(in), littleEndian16(in)));
        }
        if (headerSize < 40) {
            return Optional.empty();
        }
        int width = (int) littleEndian32(in);
        int height = Math.abs((int) littleEndian32(in));
        return Optional.of(new ImageInfo("image/bmp", width, height));
    }

    private static int littleEndian16(InputStream in) throws IOException {
        int low = in.read();
        int high = in.read();
        if ((low | high) < 0) {
            throw new EOFException();
        }
        return high << 8 | low;
    }

    private static long littleEndian32(InputStream in) throws IOException {
        return littleEndian16(in) | (long) littleEndian16(in) << 16;
    }
}
