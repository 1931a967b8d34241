package io.deploykit.benchmarks;

import java.time.Duration;

/**
 * How big the benchmarks are. {@link #FULL} is the scale RESULTS.md reports and its targets are set for;
 * {@link #TOY} runs every code path in seconds, for the smoke test.
 *
 * @param bcUploadBytes      the RapidStart package uploaded through bc: (1 GiB)
 * @param reactorUploadBytes the extension zip uploaded through reactor: (512 MiB)
 * @param uploadRepeats      runs of each upload, component and curl interleaved; the best of each counts
 * @param clientHeap         -Xmx of the uploading client JVM
 * @param concurrentDeploys  deploys in flight at once in the waiting benchmark (500)
 * @param jobStep            the emulator's step: each import and apply is two steps
 * @param pollInterval       the component's (and the hand-written route's) poll interval
 * @param comparisonRounds   rounds of the hand-written route against the component
 * @param tokenCalls         calls of the token benchmark (10,000)
 * @param shortTokenLifetime the token lifetime of the refresh variant of the token benchmark
 * @param ceilingRequests    small requests fired at the emulator to find its ceiling
 */
public record Scale(long bcUploadBytes, long reactorUploadBytes, int uploadRepeats, String clientHeap,
                    int concurrentDeploys, Duration jobStep, Duration pollInterval, int comparisonRounds,
                    int tokenCalls, Duration shortTokenLifetime, int ceilingRequests) {

    public static final Scale FULL = new Scale(1L << 30, 512L << 20, 3, "64m", 500, Duration.ofSeconds(1),
            Duration.ofMillis(500), 3, 10_000, Duration.ofSeconds(2), 20_000);

    public static final Scale TOY = new Scale(4L << 20, 4L << 20, 1, "64m", 5, Duration.ofMillis(100),
            Duration.ofMillis(50), 1, 200, Duration.ofSeconds(1), 500);

    /** How long one import or apply takes on the emulator: Scheduled for a step, InProgress for another. */
    public Duration jobDuration() {
        return jobStep.multipliedBy(2);
    }
}
