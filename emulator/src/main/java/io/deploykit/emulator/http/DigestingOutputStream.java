package io.deploykit.emulator.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes through to a stream and computes the SHA-256 of what passed. The first bytes are hashed inline; past
 * {@link #INLINE_BYTES}, the rest is handed in chunks to a thread of its own, so that hashing a large upload runs
 * beside the request that writes it instead of adding to its time (SHA-256 runs at about the speed of a loopback
 * upload, so inline it would cost the upload a third of its throughput or more).
 * <p>
 * Not thread-safe. Close it even when writing failed (its hashing thread waits until then); {@link #sha256()} is
 * known once it is closed.
 */
public final class DigestingOutputStream extends FilterOutputStream {

    /** Below this, a thread hand-off costs more than it saves. */
    static final int INLINE_BYTES = 1 << 20;
    private static final int CHUNK = 256 * 1024;
    /** Chunks in flight per stream: what the writer may run ahead of the hashing thread. */
    private static final int CHUNKS = 4;
    private static final byte[] END = new byte[0];
    private static final ExecutorService HASHERS = Executors.newCachedThreadPool(daemonThreads());

    private final MessageDigest digest = Sha256.newDigest();
    private long inline;
    private BlockingQueue<byte[]> full;
    private BlockingQueue<byte[]> free;
    private Future<?> hashing;
    private byte[] chunk;
    private int filled;
    private boolean closed;
    private String sha256;

    public DigestingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        if (hashing == null && inline + length <= INLINE_BYTES) {
            digest.update(bytes, offset, length);
            inline += length;
            return;
        }
        if (hashing == null) {
            startHashing();
        }
        while (length > 0) {
            int n = Math.min(length, chunk.length - filled);
            System.arraycopy(bytes, offset, chunk, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == chunk.length) {
                hand(chunk);
                chunk = take(free); // waits while the hashing thread is CHUNKS behind
                filled = 0;
            }
        }
    }

    /** Closes the stream, then waits for the hash of everything written. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            super.close();
        } finally {
            finishHashing();
        }
    }

    /** The SHA-256 of what was written, in lower-case hexadecimal. */
    public String sha256() {
        if (sha256 == null) {
            throw new IllegalStateException("The hash is known once the stream is closed");
        }
        return sha256;
    }

    private void startHashing() throws IOException {
        full = new ArrayBlockingQueue<>(CHUNKS + 1);
        free = new ArrayBlockingQueue<>(CHUNKS);
        for (int i = 1; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        chunk = new byte[CHUNK];
        hashing = HASHERS.submit(this::hashChunks);
    }

    /** On the hashing thread: updates the digest with each chunk in turn, until the end; alone to touch it. */
    private void hashChunks() {
        try {
            for (byte[] next = full.take(); next != END; next = full.take()) {
                digest.update(next);
                free.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
        }
    }

    private void finishHashing() throws IOException {
        if (hashing != null) {
            if (filled > 0) {
                hand(Arrays.copyOf(chunk, filled));
            }
            hand(END);
            try {
                hashing.get(); // from here on, the digest is this thread's again
            } catch (InterruptedException e) {
                throw interrupted();
            } catch (ExecutionException e) {
                throw new IOException("Hashing failed", e.getCause());
            }
        }
        sha256 = Sha256.hex(digest);
    }

    private void hand(byte[] bytes) throws IOException {
        try {
            full.put(bytes);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private byte[] take(BlockingQueue<byte[]> queue) throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    /** The writer was interrupted (the server is stopping): the hashing thread stops too. */
    private IOException interrupted() {
        Thread.currentThread().interrupt();
        hashing.cancel(true);
        return new InterruptedIOException("Interrupted while hashing");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sha256-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
