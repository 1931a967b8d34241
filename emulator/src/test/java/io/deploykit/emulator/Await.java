package io.deploykit.emulator;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polling with a deadline, for state that changes in the background. */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /**
     * Probes until the condition holds or the timeout passes.
     *
     * @return the last value probed; the caller asserts on it, so a timeout fails with what was seen last
     */
    public static <T> T until(Supplier<T> probe, Predicate<T> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!condition.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS); // between probes only: the deadline decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        return value;
    }
}
