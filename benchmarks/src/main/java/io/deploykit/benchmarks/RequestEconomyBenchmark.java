package io.deploykit.benchmarks;

import static io.deploykit.benchmarks.support.Figures.format;
import static io.deploykit.benchmarks.support.Figures.ratio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.deploykit.benchmarks.measuredjvm.DeployOnceClient;
import io.deploykit.benchmarks.support.EmulatorProcess;
import io.deploykit.benchmarks.support.JavaProcess;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * Benchmark 3: the requests of one deploy from a cold client, by route, against the budget: create + upload +
 * import + apply + token + one lookup, and at most duration/interval + 2 polls per job.
 */
final class RequestEconomyBenchmark implements Benchmark {

    private static final List<String> FIXED = List.of("token", "packages.create", "packages.file.upload",
            "packages.import", "packages.apply");
    private static final List<String> LOOKUPS = List.of("companies.list", "companies.get", "packages.list");

    @Override
    public String name() {
        return "requests";
    }

    @Override
    public String target() {
        return "<= create+upload+import+apply+token+1 lookup + (duration/interval+2) polls per job";
    }

    @Override
    public List<Result> run(Scale scale) throws Exception {
        List<Result> results = new ArrayList<>();
        try (Workspace work = new Workspace(name());
             EmulatorProcess emulator = EmulatorProcess.start(work.dir(), "--job-step", scale.jobStep().toMillis() + "ms")) {
            results.add(measure(scale, work, emulator, "3a. one deploy (companyName)", "REQ-NAME", null));
            results.add(measure(scale, work, emulator, "3b. one deploy (companyId)", "REQ-ID", emulator.companyId()));
        }
        return results;
    }

    private Result measure(Scale scale, Workspace work, EmulatorProcess emulator, String name, String code,
                           String companyId) throws Exception {
        var file = RapidStartFiles.write(work.file(code + ".rapidstart"), code, code, 3, 10).file();
        List<String> args = new ArrayList<>(List.of(emulator.bc().baseUrl(),
                Long.toString(scale.pollInterval().toMillis()), file.toString()));
        if (companyId != null) {
            args.add(companyId);
        }
        emulator.bc().clearRequests();
        JavaProcess.run(DeployOnceClient.class, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), args,
                work.dir(), Duration.ofMinutes(5));
        Map<String, Long> counts = emulator.bc().requestCounts();

        long fixed = sum(counts, FIXED);
        long lookups = sum(counts, LOOKUPS);
        long polls = counts.getOrDefault("packages.get", 0L);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long pollsPerJobCap = scale.jobDuration().toMillis() / scale.pollInterval().toMillis() + 2;
        long budget = FIXED.size() + 1 + 2 * pollsPerJobCap;
        boolean met = total <= budget && lookups <= 1 && polls <= 2 * pollsPerJobCap
                      && total == fixed + lookups + polls;
        String reason = "jobs " + scale.jobDuration().toMillis() + " ms each, interval " + scale.pollInterval().toMillis()
                        + " ms: polls <= " + pollsPerJobCap + " per job; by route " + counts;
        if (lookups > 1) {
            reason += ". Missed: " + lookups + " lookups, the company by name (once per endpoint, cached after) and the"
                      + " package by code; with companyId the company lookup goes";
        }
        return Result.of(met, name, "<= " + budget + " requests (" + FIXED.size() + " + 1 lookup + " + 2 * pollsPerJobCap
                                    + " polls)",
                total + " requests: " + fixed + " fixed + " + lookups + " lookup(s) + " + polls + " polls",
                ratio((double) total / budget) + format(" of budget; %.2fx the minimum %d", (double) total
                        / (FIXED.size() + 1 + 2), FIXED.size() + 1 + 2), reason);
    }

    private static long sum(Map<String, Long> counts, List<String> routes) {
        return routes.stream().mapToLong(route -> counts.getOrDefault(route, 0L)).sum();
    }
}
