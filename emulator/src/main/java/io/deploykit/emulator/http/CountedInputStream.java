package io.deploykit.emulator.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that reports every byte read or skipped to {@link #counted(long)}, which may refuse to go on. */
public abstract class CountedInputStream extends FilterInputStream {

    protected CountedInputStream(InputStream in) {
        super(in);
    }

    /** Called with each number of bytes read or skipped; throws to stop the reading. */
    protected abstract void counted(long bytes) throws IOException;

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }
}
