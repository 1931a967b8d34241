package io.deploykit.emulator.bc.packages;

import java.io.IOException;
import java.io.InputStream;

import io.deploykit.emulator.http.CountedInputStream;

/**
 * The decompressed content of a package file, counted as the XML parser reads it, so that a hostile file cannot make
 * the parser hold more than a bounded part of it: at most a window of bytes between two calls to {@link #window}
 * (the reader opens one after each XML event, so that one start tag with its attributes, or one piece of text, must
 * fit in it), and at most a total. The parser holds a start tag whole, however long, but reads text in pieces.
 * <p>
 * Over a limit, reading fails with {@link LimitExceededException}, and {@link #exceeded()} says which limit, since
 * the parser may report the failure as an error of its own. Not thread-safe.
 */
final class BoundedInput extends CountedInputStream {

    private final long maxTotal;
    private final String totalLimit;
    private long total;
    private long windowEnd;
    private String windowLimit;
    private String exceeded;

    /**
     * @param maxTotal   the most bytes read in all
     * @param totalLimit what reading more than that says, such as "it decompresses to more than 100 bytes"
     * @param window     the most bytes read before the next call to {@link #window}
     * @param limit      what reading more than that says
     */
    BoundedInput(InputStream in, long maxTotal, String totalLimit, long window, String limit) {
        super(in);
        this.maxTotal = maxTotal;
        this.totalLimit = totalLimit;
        window(window, limit);
    }

    /** From here on, at most {@code bytes} more may be read until the next window opens. */
    void window(long bytes, String limit) {
        windowEnd = total + bytes;
        windowLimit = limit;
    }

    /** What the limit that reading went over says, or null while within the limits. */
    String exceeded() {
        return exceeded;
    }

    @Override
    protected void counted(long n) throws LimitExceededException {
        total += n;
        if (total > maxTotal) {
            exceeded = totalLimit;
        } else if (total > windowEnd) {
            exceeded = windowLimit;
        }
        if (exceeded != null) {
            throw new LimitExceededException(exceeded);
        }
    }

    /** Reading went over a limit; the message says which. Not an EOFException: the parser takes those for the end. */
    static final class LimitExceededException extends IOException {

        LimitExceededException(String limit) {
            super(limit);
        }
    }
}
