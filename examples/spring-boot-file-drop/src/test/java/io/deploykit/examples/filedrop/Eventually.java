package io.deploykit.examples.filedrop;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition with a deadline, polling; a test states what it waits for, never how long to sleep. */
final class Eventually {

    private Eventually() {
    }

    static void await(String what, Duration within, BooleanSupplier condition) {
        await(what, within, condition, () -> "");
    }

    /** As above; on failure the message ends with {@code state}, what the test saw instead. */
    static void await(String what, Duration within, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Not within " + within + ": " + what + state.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
