package io.deploykit.camel.core.http;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * At most {@code max} requests of one user on the wire at once; the others wait their turn in a queue, holding no
 * thread. Business Central online processes 5 requests per user at once and queues at most 95 more: a burst of
 * deploys that sent all its requests together would have the rest refused with 429. Requests waiting for a retry
 * hold no place. Thread-safe.
 */
public final class ConcurrencyLimit {

    /** No limit: every request goes at once. */
    public static final ConcurrencyLimit NONE = new ConcurrencyLimit(0);

    private final int max;
    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int inFlight;

    /** @param max the most requests on the wire at once; 0 for no limit */
    public ConcurrencyLimit(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("A concurrency limit cannot be negative: " + max);
        }
        this.max = max;
    }

    /** Completes when the request may go; {@link #release()} once its answer (or failure) is in. */
    public CompletableFuture<Void> acquire() {
        if (max == 0) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            if (inFlight < max) {
                inFlight++;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> turn = new CompletableFuture<>();
            waiting.add(turn);
            return turn;
        }
    }

    /** Ends a request's turn: the next one waiting goes. */
    public void release() {
        if (max == 0) {
            return;
        }
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
            }
        }
        if (next != null) {
            next.complete(null); // the place passes to it: inFlight stays as it is
        }
    }
}
