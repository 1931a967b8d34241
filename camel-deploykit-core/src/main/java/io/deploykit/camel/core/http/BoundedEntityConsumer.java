package io.deploykit.camel.core.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityConsumer;

import io.deploykit.camel.core.error.AnswerTooLargeException;

/**
 * Reads an answer's body into memory, as {@link BasicAsyncEntityConsumer} does, up to a limit: the answers the
 * components read (JSON documents, pictures) are small, and a broken or hostile server must not fill the heap.
 */
final class BoundedEntityConsumer extends BasicAsyncEntityConsumer {

    /** The largest answer read: a page of 20,000 configuration packages is about 12 MB of JSON. */
    static final long MAX_BYTES = 64L << 20;

    private final long limit;
    private long received;

    BoundedEntityConsumer(long limit) {
        this.limit = limit;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        received += src.remaining();
        if (received > limit) {
            throw new AnswerTooLargeException(limit);
        }
        super.data(src, endOfStream);
    }
}
