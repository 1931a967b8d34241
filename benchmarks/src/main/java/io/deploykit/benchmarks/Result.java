package io.deploykit.benchmarks;

/**
 * One row of RESULTS.md.
 *
 * @param met null when the benchmark did not run (or has no pass mark): the reason says why
 */
public record Result(String benchmark, String target, String measured, String ratio, Boolean met, String reason) {

    public static Result met(String benchmark, String target, String measured, String ratio, String note) {
        return new Result(benchmark, target, measured, ratio, true, note);
    }

    public static Result missed(String benchmark, String target, String measured, String ratio, String reason) {
        return new Result(benchmark, target, measured, ratio, false, reason);
    }

    public static Result of(boolean met, String benchmark, String target, String measured, String ratio, String note) {
        return new Result(benchmark, target, measured, ratio, met, note);
    }

    /** A figure reported for context, with no target of its own. */
    public static Result info(String benchmark, String measured, String note) {
        return new Result(benchmark, "(reference)", measured, "", null, note);
    }

    public static Result notRun(String benchmark, String target, String reason) {
        return new Result(benchmark, target, "not run", "", null, reason);
    }

    public String verdict() {
        if (met == null) {
            return "measured".equals(target) || "(reference)".equals(target) ? "info" : "not run";
        }
        return met ? "met" : "**missed**";
    }
}
