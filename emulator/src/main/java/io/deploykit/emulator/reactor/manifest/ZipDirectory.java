package io.deploykit.emulator.reactor.manifest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the end records of a zip declare about its central directory, read before {@link java.util.zip.ZipFile} opens
 * it: {@code ZipFile} reads the whole central directory into memory and indexes every entry, however large and many.
 * The end record is searched for in the last 64 KiB, where a comment may hold a look-alike; every candidate is
 * counted, with the zip64 record it points to, so that whichever one {@code ZipFile} takes is within the bounds.
 */
final class ZipDirectory {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int MAX_COMMENT_LENGTH = 0xFFFF;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ZIP64_END_LENGTH = 56;

    /**
     * The largest values any end record declares; zero for a file with none.
     *
     * @param entries the number of entries
     * @param bytes   the size of the central directory
     */
    record Declared(long entries, long bytes) {
    }

    private ZipDirectory() {
    }

    static Declared declared(Path zip) throws IOException {
        try (FileChannel file = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = file.size();
            int tailLength = (int) Math.min(size, END_LENGTH + MAX_COMMENT_LENGTH);
            long tailStart = size - tailLength;
            ByteBuffer tail = read(file, tailStart, tailLength);
            long entries = 0;
            long bytes = 0;
            for (int i = tailLength - END_LENGTH; i >= 0; i--) {
                if (tail.getInt(i) != END_SIGNATURE) {
                    continue;
                }
                entries = Math.max(entries, Short.toUnsignedLong(tail.getShort(i + 10)));
                bytes = Math.max(bytes, Integer.toUnsignedLong(tail.getInt(i + 12)));
                Declared zip64 = zip64(file, tailStart + i);
                entries = Math.max(entries, zip64.entries());
                bytes = Math.max(bytes, zip64.bytes());
            }
            return new Declared(entries, bytes);
        }
    }

    /** What the zip64 end record before the end record at this position declares, if there is one. */
    private static Declared zip64(FileChannel file, long endPosition) throws IOException {
        if (endPosition < ZIP64_LOCATOR_LENGTH) {
            return new Declared(0, 0);
        }
        ByteBuffer locator = read(file, endPosition - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return new Declared(0, 0);
        }
        long position = locator.getLong(8);
        if (position < 0 || position > file.size() - ZIP64_END_LENGTH) {
            return new Declared(0, 0);
        }
        ByteBuffer end = read(file, position, ZIP64_END_LENGTH);
        if (end.getInt(0) != ZIP64_END_SIGNATURE) {
            return new Declared(0, 0);
        }
        return new Declared(unsigned(end.getLong(32)), unsigned(end.getLong(40)));
    }

    /** A 64-bit count as a long; beyond {@link Long#MAX_VALUE}, that. */
    private static long unsigned(long value) {
        return value < 0 ? Long.MAX_VALUE : value;
    }

    private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.clear();
    }
}
