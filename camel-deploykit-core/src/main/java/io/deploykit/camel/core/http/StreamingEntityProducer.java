package io.deploykit.camel.core.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Set;

import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

import io.deploykit.camel.core.body.UploadBody;

/**
 * Sends {@code head}, then the upload read in chunks from its channel, then {@code tail}, with a known
 * Content-Length. Only one chunk is in memory at a time, whatever the size of the upload.
 */
final class StreamingEntityProducer implements AsyncEntityProducer {

    private static final int CHUNK = 256 * 1024;

    private final String contentType;
    private final byte[] head;
    private final UploadBody upload;
    private final byte[] tail;
    private final long contentLength;

    private ByteBuffer chunk;
    private ByteBuffer pending;
    private ReadableByteChannel source;
    private Stage stage = Stage.HEAD;
    /** Whether {@link #pending} holds bytes of the upload (not of the head or tail): those are counted when written. */
    private boolean pendingIsBody;

    private enum Stage { HEAD, BODY, TAIL, DONE }

    StreamingEntityProducer(String contentType, byte[] head, UploadBody upload, byte[] tail) {
        this.contentType = contentType;
        this.head = head;
        this.upload = upload;
        this.tail = tail;
        this.contentLength = head.length + upload.length() + tail.length;
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        while (true) {
            if (pending == null || !pending.hasRemaining()) {
                pending = next();
                if (pending == null) {
                    channel.endStream();
                    return;
                }
                pendingIsBody = pending == chunk;
            }
            int written = channel.write(pending);
            if (pendingIsBody && written > 0) {
                upload.observer().sent(written);
            }
            if (pending.hasRemaining()) {
                return; // the connection's buffer is full: we are called again when it can take more
            }
        }
    }

    /** The next non-empty buffer to send, or null at the end: an empty write after the last byte is refused. */
    private ByteBuffer next() throws IOException {
        while (true) {
            switch (stage) {
                case HEAD:
                    stage = Stage.BODY;
                    source = upload.openChannel();
                    chunk = ByteBuffer.allocate(CHUNK);
                    upload.observer().attemptStarted();
                    if (head.length > 0) {
                        return ByteBuffer.wrap(head);
                    }
                    break;
                case BODY:
                    chunk.clear();
                    int read = source.read(chunk);
                    if (read < 0) {
                        closeSource();
                        stage = Stage.TAIL;
                    } else if (read > 0) {
                        chunk.flip();
                        return chunk;
                    }
                    break;
                case TAIL:
                    stage = Stage.DONE;
                    if (tail.length > 0) {
                        return ByteBuffer.wrap(tail);
                    }
                    break;
                default:
                    return null;
            }
        }
    }

    @Override
    public int available() {
        return stage == Stage.DONE && (pending == null || !pending.hasRemaining()) ? 0 : Integer.MAX_VALUE;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public long getContentLength() {
        return contentLength;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public boolean isChunked() {
        return false;
    }

    @Override
    public Set<String> getTrailerNames() {
        return null;
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    @Override
    public void releaseResources() {
        closeSource();
        pending = null;
        chunk = null;
        stage = Stage.HEAD;
    }

    private void closeSource() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException ignored) {
                // a read-only channel: nothing was lost
            }
            source = null;
        }
    }
}
