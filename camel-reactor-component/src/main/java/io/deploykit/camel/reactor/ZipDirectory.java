package io.deploykit.camel.reactor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a zip's end record says of its central directory, read before the zip is opened: {@link java.util.zip.ZipFile}
 * reads the whole directory into memory, so a crafted zip of a million tiny entries would fill a small heap.
 *
 * @param entries how many entries the zip declares
 * @param size    the central directory's size in bytes
 */
record ZipDirectory(long entries, long size) {

    static final long MAX_ENTRIES = 10_000;
    static final long MAX_SIZE = 4L << 20;

    private static final int END = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END = 0x06064b50;

    /**
     * The largest directory any end record in the zip's tail describes (with the zip64 record it points to); null when
     * there is none (not a zip). Every candidate counts: a look-alike record in the archive comment is skipped by
     * {@code ZipFile} when its comment length does not reach the end of the file, so the last one found is not
     * necessarily the one {@code ZipFile} loads.
     */
    static ZipDirectory of(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long length = channel.size();
            int tailLength = (int) Math.min(length, END_LENGTH + 0xFFFF); // the end record, then a comment up to 64 KiB
            ByteBuffer tail = read(channel, length - tailLength, tailLength);
            ZipDirectory largest = null;
            for (int at = tailLength - END_LENGTH; at >= 0; at--) {
                if (tail.getInt(at) == END) {
                    ZipDirectory candidate = candidate(channel, tail, at, length);
                    largest = largest == null ? candidate : new ZipDirectory(Math.max(largest.entries, candidate.entries),
                            Math.max(largest.size, candidate.size));
                }
            }
            return largest;
        }
    }

    /** What the end record at {@code at} in the tail declares, or its zip64 record when it points to one. */
    private static ZipDirectory candidate(FileChannel channel, ByteBuffer tail, int at, long length) throws IOException {
        long entries = Short.toUnsignedLong(tail.getShort(at + 10));
        long size = Integer.toUnsignedLong(tail.getInt(at + 12));
        if (at >= 20 && tail.getInt(at - 20) == ZIP64_LOCATOR) {
            long zip64End = tail.getLong(at - 20 + 8);
            if (zip64End >= 0 && zip64End + 56 <= length) {
                ByteBuffer record = read(channel, zip64End, 56);
                if (record.getInt(0) == ZIP64_END) {
                    // the JDK takes the zip64 values whenever they agree with, or are escaped by, the end record's
                    entries = Math.max(entries, unsigned(record.getLong(32)));
                    size = Math.max(size, unsigned(record.getLong(40)));
                }
            }
        }
        return new ZipDirectory(entries, size);
    }

    /** A 64-bit count as a long; beyond {@link Long#MAX_VALUE}, that. */
    private static long unsigned(long value) {
        return value < 0 ? Long.MAX_VALUE : value;
    }

    /** Why the zip is refused, or null when its directory is within the limits. */
    String refusal() {
        if (entries > MAX_ENTRIES || entries < 0) {
            return "it declares " + entries + " entries, more than the limit of " + MAX_ENTRIES;
        }
        if (size > MAX_SIZE || size < 0) {
            return "its central directory is " + size + " bytes, more than the limit of " + MAX_SIZE;
        }
        return null;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // read until full or at the end of the file
        }
        return buffer.flip();
    }
}
