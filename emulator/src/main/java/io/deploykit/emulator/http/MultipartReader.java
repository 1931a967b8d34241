package io.deploykit.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578, RFC 2046) part by part through one fixed buffer: the content
 * of a part is copied out as it arrives, so a part of any size passes without being held in memory.
 * <p>
 * Use: {@link #nextPart()} gives the headers of each part in turn, {@link #transferPart} copies the content of the
 * current one (a part not copied is skipped). Not thread-safe.
 * <p>
 * What a client can make it hold is bounded: the headers of a part (16 KiB), the boundary (70 characters), and the
 * number of parts (an upload has one; a body of millions of empty parts would only cost time, and is refused).
 */
public final class MultipartReader {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_BOUNDARY_LENGTH = 70;
    public static final int MAX_PARTS = 100;
    private static final byte[] CRLF = {'\r', '\n'};

    private enum State { PREAMBLE, IN_PART, AFTER_PART, END }

    private final InputStream in;
    /** CRLF, "--" and the boundary: what ends each part's content. */
    private final byte[] delimiter;
    /** Horspool's skip per byte value: how far the delimiter can move when that byte ends the window. */
    private final int[] skip = new int[256];
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private State state = State.PREAMBLE;
    private int parts;

    /** @throws MalformedException when the boundary is empty or longer than RFC 2046 allows */
    public MultipartReader(InputStream in, String boundary) throws MalformedException {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw new MalformedException("The multipart boundary must have 1 to 70 characters");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Arrays.fill(skip, delimiter.length);
        for (int i = 0; i < delimiter.length - 1; i++) {
            skip[delimiter[i] & 0xff] = delimiter.length - 1 - i;
        }
        // the first delimiter may open the body without a CRLF before it: read as if one came first
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /**
     * Moves to the next part.
     *
     * @return its headers, by lower-case name; null after the last part
     * @throws MalformedException when the body is not well-formed multipart, or has more than {@value #MAX_PARTS}
     *                            parts
     */
    public Map<String, String> nextPart() throws IOException {
        switch (state) {
            case END -> {
                return null;
            }
            case PREAMBLE, IN_PART -> copyToDelimiter(OutputStream.nullOutputStream());
            case AFTER_PART -> { }
        }
        if (!ensure(2)) {
            throw new MalformedException("The multipart body ends right after a boundary");
        }
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            state = State.END;
            return null;
        }
        String rest = readLine(); // a boundary line may end with spaces (transport padding)
        if (!rest.isBlank()) {
            throw new MalformedException("A multipart boundary is followed by '" + rest + "'");
        }
        if (++parts > MAX_PARTS) {
            throw new MalformedException("The multipart body has more than " + MAX_PARTS + " parts");
        }
        Map<String, String> headers = readHeaders();
        state = State.IN_PART;
        return headers;
    }

    /**
     * Copies the content of the current part to {@code out}.
     *
     * @return the number of bytes copied
     * @throws MalformedException when the body ends before the part's closing boundary
     */
    public long transferPart(OutputStream out) throws IOException {
        if (state != State.IN_PART) {
            throw new IllegalStateException("No part is open");
        }
        long copied = copyToDelimiter(out);
        state = State.AFTER_PART;
        return copied;
    }

    private long copyToDelimiter(OutputStream out) throws IOException {
        long copied = 0;
        while (true) {
            int found = indexOfDelimiter(position, limit);
            if (found >= 0) {
                out.write(buffer, position, found - position);
                copied += found - position;
                position = found + delimiter.length;
                return copied;
            }
            // a delimiter may straddle the end of the buffer: keep what could be its beginning
            int safeEnd = Math.max(position, limit - (delimiter.length - 1));
            out.write(buffer, position, safeEnd - position);
            copied += safeEnd - position;
            position = safeEnd;
            if (!fill()) {
                throw new MalformedException("The multipart body ends before its closing boundary");
            }
        }
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String line = readLine();
            total += line.length() + CRLF.length;
            if (total > MAX_HEADER_BYTES) {
                throw new MalformedException("The headers of a part are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedException("A part header has no name: '" + line + "'");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    private String readLine() throws IOException {
        while (true) {
            int end = indexOf(CRLF, position, limit);
            if (end >= 0) {
                String line = new String(buffer, position, end - position, StandardCharsets.UTF_8);
                position = end + CRLF.length;
                return line;
            }
            if (limit - position > MAX_HEADER_BYTES) {
                throw new MalformedException("A part header line is longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (!fill()) {
                throw new MalformedException("The multipart body ends inside the headers of a part");
            }
        }
    }

    /** Whether at least {@code count} bytes are buffered, reading more if needed; false at the end of the stream. */
    private boolean ensure(int count) throws IOException {
        while (limit - position < count) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Moves the unread bytes to the start of the buffer and reads more after them; false at the end of the stream. */
    private boolean fill() throws IOException {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            return false;
        }
        limit += read;
        return true;
    }

    /**
     * Where the delimiter starts in the buffer between {@code from} and {@code to}, or -1: Horspool's search, which
     * steps over most of a part's bytes (by up to the delimiter's length) instead of looking at each of them.
     */
    private int indexOfDelimiter(int from, int to) {
        int last = delimiter.length - 1;
        int i = from;
        while (i + last < to) {
            int j = last;
            while (j >= 0 && buffer[i + j] == delimiter[j]) {
                j--;
            }
            if (j < 0) {
                return i;
            }
            i += skip[buffer[i + last] & 0xff];
        }
        return -1;
    }

    private int indexOf(byte[] pattern, int from, int to) {
        int last = to - pattern.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (buffer[i] != pattern[0]) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (buffer[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A body that is not well-formed multipart. */
    public static final class MalformedException extends IOException {

        public MalformedException(String message) {
            super(message);
        }
    }
}
