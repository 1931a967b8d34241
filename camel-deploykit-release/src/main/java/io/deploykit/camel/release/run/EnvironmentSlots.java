package io.deploykit.camel.release.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Business Central runs a few background jobs (imports, applies) per environment at once (3 on Microsoft's
 * operational limits page) and queues the rest, Scheduled: a release holds its package deploys to that many per
 * environment, so that it does not poll packages the service has not started. Waiting for a slot holds no thread.
 */
final class EnvironmentSlots {

    private final int perEnvironment;
    private final Map<String, Integer> used = new HashMap<>();
    private final Map<String, Deque<CompletableFuture<Void>>> waiting = new HashMap<>();

    /** @param perEnvironment deploys at once per environment; 0: no limit */
    EnvironmentSlots(int perEnvironment) {
        this.perEnvironment = perEnvironment;
    }

    /** Runs the work once the environment has a slot for it; the slot frees when the work ends, however. */
    <T> CompletableFuture<T> run(String environment, Supplier<CompletableFuture<T>> work) {
        if (perEnvironment == 0) {
            return work.get();
        }
        return acquire(environment).thenCompose(slot -> {
            CompletableFuture<T> running;
            try {
                running = work.get();
            } catch (RuntimeException e) {
                running = CompletableFuture.failedFuture(e);
            }
            return running.whenComplete((result, failure) -> release(environment));
        });
    }

    private synchronized CompletableFuture<Void> acquire(String environment) {
        int inUse = used.getOrDefault(environment, 0);
        if (inUse < perEnvironment) {
            used.put(environment, inUse + 1);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> turn = new CompletableFuture<>();
        waiting.computeIfAbsent(environment, env -> new ArrayDeque<>()).add(turn);
        return turn;
    }

    private void release(String environment) {
        CompletableFuture<Void> next;
        synchronized (this) {
            Deque<CompletableFuture<Void>> queue = waiting.get(environment);
            next = queue == null ? null : queue.poll();
            if (next == null) {
                used.computeIfPresent(environment, (env, count) -> count <= 1 ? null : count - 1);
            }
        }
        if (next != null) {
            next.complete(null); // the slot passes on as it is
        }
    }
}
