package io.deploykit.benchmarks;

import static io.deploykit.benchmarks.support.Figures.ratio;
import static io.deploykit.benchmarks.support.Figures.seconds;

import java.time.Duration;
import java.util.List;

import io.deploykit.benchmarks.measuredjvm.DeployComparisonClient;
import io.deploykit.benchmarks.support.ClientReport;
import io.deploykit.benchmarks.support.EmulatorProcess;
import io.deploykit.benchmarks.support.JavaProcess;

/**
 * Benchmark 4: the bc: component's deploy against the same deploy hand-written with camel-http, alternating in one
 * client JVM, with the same poll interval.
 */
final class HandWrittenRouteBenchmark implements Benchmark {

    /** Both deploys wait for the same 4 s of jobs; a few milliseconds either way are noise, not overhead. */
    private static final double TIME_TOLERANCE = 1.02;


    @Override
    public String name() {
        return "handwritten";
    }

    @Override
    public String target() {
        return "no slower and no more requests than the camel-http route";
    }

    @Override
    public List<Result> run(Scale scale) throws Exception {
        try (Workspace work = new Workspace(name());
             EmulatorProcess emulator = EmulatorProcess.start(work.dir(), "--job-step", scale.jobStep().toMillis() + "ms")) {
            ClientReport report = JavaProcess.run(DeployComparisonClient.class,
                    List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                    List.of(emulator.bc().baseUrl(), Long.toString(scale.pollInterval().toMillis()),
                            Integer.toString(scale.comparisonRounds()), work.dir().toString()),
                    work.dir(), Duration.ofMinutes(10));
            long componentNanos = report.number("component.nanos");
            long handNanos = report.number("handWritten.nanos");
            long componentRequests = report.number("component.requests");
            long handRequests = report.number("handWritten.requests");
            String setting = "redeploy (find, delete, create, upload, import, apply), median of "
                             + scale.comparisonRounds() + " alternating rounds after a warm-up of each; jobs "
                             + seconds(scale.jobDuration()) + ", pollInterval " + seconds(scale.pollInterval())
                             + " on both";
            double timeRatio = (double) componentNanos / handNanos;
            double requestRatio = (double) componentRequests / handRequests;
            return List.of(
                    Result.of(timeRatio <= TIME_TOLERANCE, "4a. bc: deploy vs hand-written camel-http route: time",
                            "<= " + TIME_TOLERANCE + "x the hand-written route (no slower, within the timing noise of "
                            + "two runs that wait for the same jobs)", seconds(componentNanos) + " vs " + seconds(handNanos),
                            ratio(timeRatio), setting + ". Both are dominated by the jobs' own duration"),
                    Result.of(requestRatio <= 1.0, "4b. bc: deploy vs hand-written camel-http route: requests",
                            "<= 1.0x the hand-written route", componentRequests + " vs " + handRequests,
                            ratio(requestRatio), "the component keeps its token and company id between deploys;"
                            + " the hand-written route asks for both every time. Last round by route: component "
                            + report.text("component.counts." + (scale.comparisonRounds() - 1)) + "; hand-written "
                            + report.text("handWritten.counts." + (scale.comparisonRounds() - 1))));
        }
    }
}
