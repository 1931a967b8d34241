package io.deploykit.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    @Test
    void passesABodyUpToTheLimit() throws IOException {
        var in = new LimitedInputStream(new ByteArrayInputStream(new byte[1000]), 1000);

        assertEquals(1000, in.transferTo(OutputStream.nullOutputStream()));
    }

    @Test
    void stopsReadingSoonAfterTheLimit() {
        EndlessStream endless = new EndlessStream();
        var in = new LimitedInputStream(endless, 10_000);

        BodyTooLargeException error = assertThrows(BodyTooLargeException.class,
                () -> in.transferTo(OutputStream.nullOutputStream()));

        assertEquals(10_000, error.limit());
        assertTrue(endless.served <= 10_000 + 16 * 1024, () -> endless.served + " bytes read");
    }

    /** A body that never ends, counting what was read of it. */
    private static final class EndlessStream extends InputStream {

        long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            served += length;
            return length;
        }
    }
}
