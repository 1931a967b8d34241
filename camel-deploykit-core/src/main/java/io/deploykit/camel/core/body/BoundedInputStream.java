package io.deploykit.camel.core.body;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.deploykit.camel.core.error.InvalidInputException;

/**
 * Reads at most {@code limit} bytes of a stream and fails with an {@link InvalidInputException} naming the limit
 * beyond: for parsers of untrusted input whose answer must come from the start of it (a compressed file can expand
 * a thousandfold).
 */
public final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long read;

    /** @param what names the limit in the error, such as {@code "the start of a RapidStart package"} */
    public BoundedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) ask(length));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(ask(n));
        count(skipped);
        return skipped;
    }

    /** At most one byte past the limit (so that crossing it shows), without overflowing for a limit of Long.MAX_VALUE. */
    private long ask(long wanted) {
        long room = limit - read;
        return room < wanted ? room + 1 : wanted;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new InvalidInputException(what + " exceeds its limit of " + limit + " bytes");
        }
    }
}
