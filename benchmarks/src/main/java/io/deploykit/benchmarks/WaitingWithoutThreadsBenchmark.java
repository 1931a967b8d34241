package io.deploykit.benchmarks;

import static io.deploykit.benchmarks.support.Figures.format;
import static io.deploykit.benchmarks.support.Figures.ratio;
import static io.deploykit.benchmarks.support.Figures.seconds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.deploykit.benchmarks.measuredjvm.ConcurrentDeployClient;
import io.deploykit.benchmarks.support.ClientReport;
import io.deploykit.benchmarks.support.EmulatorProcess;
import io.deploykit.benchmarks.support.JavaProcess;

/**
 * Benchmark 2: N deploys at once whose jobs each take two emulator steps, against one deploy alone; the client JVM's
 * threads counted while they wait.
 */
final class WaitingWithoutThreadsBenchmark implements Benchmark {

    private static final double MAX_RATIO = 1.5;
    private static final int MAX_THREADS = 64;
    private static final int DEFAULT_CONNECTIONS = 20;
    private static final int WIDE_POOL = 200;

    @Override
    public String name() {
        return "waiting";
    }

    @Override
    public String target() {
        return "N concurrent deploys <= 1.5x one deploy; live threads < 64; none refused by Business Central's limits";
    }

    @Override
    public List<Result> run(Scale scale) throws Exception {
        List<Result> results = new ArrayList<>(run(scale, DEFAULT_CONNECTIONS, "2"));
        // the diagnosis of a miss: is the connection pool the queue?
        if (results.stream().anyMatch(r -> Boolean.FALSE.equals(r.met()))) {
            results.addAll(run(scale, WIDE_POOL, "2 (diagnosis)"));
        }
        return results;
    }

    private List<Result> run(Scale scale, int maxConnections, String id) throws Exception {
        try (Workspace work = new Workspace(name());
             // the waiting of the client is measured, not the service's queue: its three running jobs per environment
             // are lifted here (a release benchmark measures against them)
             EmulatorProcess emulator = EmulatorProcess.start(work.dir(), "--job-step", scale.jobStep().toMillis() + "ms",
                     "--running-jobs", "0")) {
            ClientReport report = JavaProcess.run(ConcurrentDeployClient.class,
                    List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                    List.of(emulator.bc().baseUrl(), Long.toString(scale.pollInterval().toMillis()),
                            Integer.toString(scale.concurrentDeploys()), work.file("files").toString(),
                            Integer.toString(maxConnections)),
                    work.dir(), Duration.ofMinutes(15));
            Map<String, Long> byRoute = emulator.bc().requestCounts(); // of the N alone: the client cleared it
            Map<String, Long> refused = emulator.bc().refusedByLimits(); // Business Central's limits are on
            long refusedTotal = refused.values().stream().mapToLong(Long::longValue).sum();
            long requests = byRoute.values().stream().mapToLong(Long::longValue).sum();
            long single = report.number("singleNanos");
            long concurrent = report.number("concurrentNanos");
            long peak = report.number("peakThreads");
            long live = report.number("maxLiveThreads");
            double ratio = (double) concurrent / single;
            long cpu = report.number("clientCpuNanos") + report.number("emulatorCpuNanos");
            int cores = Runtime.getRuntime().availableProcessors();
            String cpuUse = format("during the N the client used %s of CPU and the emulator %s: on %d cores at least %s "
                                   + "of work, against the %s the N took beyond one deploy",
                    seconds(report.number("clientCpuNanos")), seconds(report.number("emulatorCpuNanos")), cores,
                    seconds(cpu / cores), seconds(concurrent - single));
            int n = scale.concurrentDeploys();
            String setting = "import and apply " + seconds(scale.jobDuration()) + " each (job step "
                             + seconds(scale.jobStep()) + "), pollInterval " + seconds(scale.pollInterval())
                             + ", maxConnections " + maxConnections;
            Result time = Result.of(ratio <= MAX_RATIO, id + "a. " + n + " concurrent deploys: wall time",
                    "<= " + MAX_RATIO + "x one deploy", seconds(concurrent) + " vs one deploy " + seconds(single),
                    ratio(ratio), setting + format("; the %d deploys made %d requests (%.1f per deploy; by route %s), "
                                                   + "answered by the emulator on the same cores as the client, with"
                                                   + " Business Central's limits on (5 requests processed per user at"
                                                   + " once, 95 queued, 6000 per 5 minutes) but its three running"
                                                   + " jobs per environment lifted (the client's waiting is"
                                                   + " measured, not the service's queue); %s%s", n,
                                                   requests, (double) requests / n, byRoute, cpuUse,
                                                   ratio <= MAX_RATIO ? "" : missReason(cpu / cores, concurrent - single)));
            Result threads = Result.of(peak < MAX_THREADS, id + "b. " + n + " concurrent deploys: threads",
                    "live threads < " + MAX_THREADS, "peak " + peak + " (sampled live max " + live + ")",
                    format("%.2fx the limit", (double) peak / MAX_THREADS),
                    "ThreadMXBean of the client JVM, peak reset before the " + n + " start (the sampler thread "
                    + "included); threads at the end: " + report.text("threadNames"));
            Result limits = Result.of(refusedTotal == 0, id + "c. " + n + " concurrent deploys: refused by the limits",
                    "0 (the client holds each user to 5 requests at once)", refusedTotal + " refused",
                    refusedTotal == 0 ? "none" : refusedTotal + " refusals",
                    "the emulator's count of requests refused by Business Central's operational limits, by limit: "
                    + refused + "; every deploy completed (the client fails otherwise)");
            return List.of(time, threads, limits);
        }
    }

    /** Why the N took longer than allowed, as far as the CPU figures tell. */
    private static String missReason(long cpuPerCoreNanos, long extraNanos) {
        return cpuPerCoreNanos >= extraNanos * 3 / 4
                ? ". Missed: the jobs take as long for N as for one; the extra time is the N's requests, whose CPU work "
                  + "on this machine's cores (client and emulator together) is about that long: CPU-bound here"
                : ". Missed, though the CPU work explains less than the extra time: waiting, not work, is the cause";
    }
}
