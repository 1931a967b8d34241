package io.deploykit.camel.release.run;

import java.time.Duration;

/**
 * What became of one unit in one run.
 *
 * @param unit     the unit
 * @param outcome  what happened
 * @param duration how long it took (zero when it did not run)
 * @param detail   the error, or why it was skipped or not run
 */
public record UnitResult(ReleaseUnit unit, Outcome outcome, Duration duration, String detail) {

    /** What became of a unit. */
    public enum Outcome {
        /** Deployed in this run. */
        DONE,
        /** Done before (an earlier run, or another target of this run with the same scope): not sent again. */
        SKIPPED,
        /** Failed: the target stops here. */
        FAILED,
        /** Not run: an earlier step of its target failed, or an earlier wave did. */
        NOT_RUN
    }
}
