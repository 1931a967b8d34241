package io.deploykit.camel.core.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.deploykit.camel.core.error.InvalidInputException;

/** A stream cut at its limit: everything up to it passes, one byte more fails naming what it bounds. */
class BoundedInputStreamTest {

    @Test
    void everythingUpToTheLimitPassesAndOneByteMoreFails() throws Exception {
        assertEquals(10, new BoundedInputStream(new ByteArrayInputStream(new byte[10]), 10, "ten").readAllBytes().length);

        InputStream eleven = new BoundedInputStream(new ByteArrayInputStream(new byte[11]), 10, "the start of a package");
        InvalidInputException over = assertThrows(InvalidInputException.class, eleven::readAllBytes);
        assertTrue(over.getMessage().contains("the start of a package exceeds its limit of 10 bytes"), over.getMessage());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void noLimitAtAllStillReadsAndSkips() throws Exception {
        // the room left, plus the one byte that shows a crossing, must not overflow: it asked for nothing and spun
        InputStream unbounded = new BoundedInputStream(new ByteArrayInputStream(new byte[100_000]), Long.MAX_VALUE, "all");
        assertEquals(1000, unbounded.skip(1000));
        assertEquals(99_000, unbounded.readAllBytes().length);
    }
}
