package io.deploykit.emulator.http;

import java.io.InputStream;

/** Fails with {@link BodyTooLargeException} as soon as more than a limit of bytes has been read. */
final class LimitedInputStream extends CountedInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    protected void counted(long n) throws BodyTooLargeException {
        count += n;
        if (count > limit) {
            throw new BodyTooLargeException(limit);
        }
    }
}
