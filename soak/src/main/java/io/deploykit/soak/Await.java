package io.deploykit.soak;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waits: every wait of the harness names what it waits for, and says what it saw when the bound passed. */
final class Await {

    private Await() {
    }

    /** Waits until the condition holds; false when the bound passed first. */
    static boolean until(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(100));
        }
        return true;
    }

    /** Waits until the condition holds, or fails naming what was awaited and, from {@code state}, what was seen. */
    static void orFail(String what, Duration within, BooleanSupplier condition, Supplier<String> state) {
        if (!until(within, condition)) {
            throw new SoakFailure("Not within " + within.toSeconds() + " s: " + what + state.get());
        }
    }

    static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoakFailure("Interrupted");
        }
    }

    /** The harness itself could not go on (an instance that never starts, a bound passed). */
    static final class SoakFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SoakFailure(String message) {
            super(message);
        }

        SoakFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
