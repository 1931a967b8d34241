package io.deploykit.benchmarks;

import static io.deploykit.benchmarks.support.Figures.ratio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.deploykit.benchmarks.measuredjvm.ReleaseClient;
import io.deploykit.benchmarks.support.ClientReport;
import io.deploykit.benchmarks.support.EmulatorProcess;
import io.deploykit.benchmarks.support.JavaProcess;
import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;

/**
 * Benchmark 7: a release of 1 app, 3 configuration packages and 5 pictures to 20 companies in 2 environments (one
 * wave, both environments together), with jobs of a fixed duration and Business Central's limits on (3 jobs running
 * per environment, 5 requests per user at once). Its wall time against the lower bound those limits imply, and its
 * requests against the same deploys done one by one through the bc: endpoints (each on a fresh emulator).
 */
final class ReleaseBenchmark implements Benchmark {

    static final int COMPANIES_PER_ENVIRONMENT = 10;
    static final int PACKAGES = 3;
    static final List<String> ITEMS = List.of("1000", "1001", "1896-S", "1900-S", "1906-S");
    static final int JOBS_PER_ENVIRONMENT = 3;

    @Override
    public String name() {
        return "release";
    }

    @Override
    public String target() {
        return "wall time <= 1.2x the limits' lower bound; 0 refused; requests <= 1.05x one by one; < 64 threads";
    }

    @Override
    public List<Result> run(Scale scale) throws Exception {
        // jobs a quarter of the other benchmarks': the one-by-one baseline runs its 60 package deploys in turn
        Duration jobStep = scale.jobStep().dividedBy(4);
        Duration job = jobStep.multipliedBy(2);
        Duration poll = job.dividedBy(5);
        try (Workspace work = new Workspace(name())) {
            Path zip = writeRelease(work.file("release"), work.file("release.zip"));
            Measured release = measure(work, zip, "release", jobStep, job, poll);
            Measured oneByOne = measure(work, zip, "onebyone", jobStep, job, poll);

            int jobsPerEnvironment = COMPANIES_PER_ENVIRONMENT * PACKAGES * 2;
            Duration bound = job.plus(job.multipliedBy((jobsPerEnvironment + JOBS_PER_ENVIRONMENT - 1)
                                                      / JOBS_PER_ENVIRONMENT));
            double timeRatio = (double) release.nanos / bound.toNanos();
            String setting = "2 environments x " + COMPANIES_PER_ENVIRONMENT + " companies, 1 app, " + PACKAGES
                             + " packages, " + ITEMS.size() + " pictures; jobs and the app install " + job.toMillis()
                             + " ms each, pollInterval " + poll.toMillis() + " ms, " + JOBS_PER_ENVIRONMENT
                             + " jobs running per environment, 5 requests per user at once";
            List<Result> rows = new ArrayList<>();
            rows.add(Result.of(timeRatio <= 1.2, "7a. release to 20 companies: wall time",
                    "<= 1.2x the lower bound", String.format(Locale.ROOT, "%.2f s vs bound %.2f s",
                            release.nanos / 1e9, bound.toMillis() / 1e3), ratio(timeRatio),
                    setting + "; bound = the app install + ceil(" + jobsPerEnvironment + " jobs of an environment / "
                    + JOBS_PER_ENVIRONMENT + ") x " + job.toMillis() + " ms (both environments together); the"
                    + " release took " + release.report.number("stepsDone") + " steps; one by one took "
                    + String.format(Locale.ROOT, "%.2f s", oneByOne.nanos / 1e9)));
            rows.add(Result.of(release.refused == 0, "7b. release to 20 companies: refused by the limits", "0",
                    release.refused + " refused", release.refused == 0 ? "none" : Long.toString(release.refused),
                    "the emulator's count of requests refused by Business Central's operational limits: "
                    + release.refusedByLimit));
            double requestRatio = (double) release.requests / oneByOne.requests;
            rows.add(Result.of(requestRatio <= 1.05, "7c. release to 20 companies: requests",
                    "<= 1.05x the same deploys one by one", release.requests + " vs " + oneByOne.requests,
                    ratio(requestRatio), "release by route " + release.byRoute + "; one by one " + oneByOne.byRoute));
            long peak = release.report.number("peakThreads");
            rows.add(Result.of(peak < 64, "7d. release to 20 companies: threads", "< 64", "peak " + peak,
                    ratio(peak / 64.0) + " the limit", "ThreadMXBean of the client JVM, peak reset before the release"
                    + (peak < 64 ? "" : ". Missed: the release sends each company's deploys to an endpoint of its own"
                       + " (companyId in the URI), and every bc: endpoint starts its own HTTP client and journal"
                       + " threads; a company header on one endpoint per environment would keep them to one set")));
            return rows;
        }
    }

    private record Measured(long nanos, long requests, Map<String, Long> byRoute, long refused,
                            Map<String, Long> refusedByLimit, ClientReport report) {
    }

    private static Measured measure(Workspace work, Path zip, String mode, Duration jobStep, Duration job,
                                    Duration poll) throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(work.dir(), "--environment", "production",
                "--environment", "sandbox", "--job-step", jobStep.toMillis() + "ms")) {
            for (String environment : List.of("production", "sandbox")) {
                for (int i = 3; i <= COMPANIES_PER_ENVIRONMENT; i++) { // each has two demo companies
                    emulator.bc().addCompany(environment, "Company " + i);
                }
            }
            emulator.bc().setAppOperationMillis(job.toMillis());
            emulator.bc().clearRequests();
            ClientReport report = JavaProcess.run(ReleaseClient.class,
                    List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                    List.of(emulator.bc().baseUrl(), Long.toString(poll.toMillis()), zip.toString(), mode),
                    work.dir(), Duration.ofMinutes(15));
            Map<String, Long> byRoute = emulator.bc().requestCounts();
            Map<String, Long> refused = emulator.bc().refusedByLimits();
            return new Measured(report.number("nanos"), byRoute.values().stream().mapToLong(Long::longValue).sum(),
                    byRoute, refused.values().stream().mapToLong(Long::longValue).sum(), refused, report);
        }
    }

    /** The release: its files written into {@code folder}, zipped with its manifest. */
    static Path writeRelease(Path folder, Path zip) throws IOException {
        Files.createDirectories(folder);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            StringBuilder manifest = new StringBuilder("release: benchmark-release\nsteps:\n  - app: apps\n");
            add(entries, "apps/Benchmark_Setup_1.0.0.0.app", AppFile.bytes(new AppManifest(UUID.randomUUID().toString(),
                    "Benchmark Setup", "DeployKit", AppVersion.parse("1.0.0.0"), List.of(new AppManifest.Dependency(
                    "437dbf0e-84ff-417a-965d-ed2bb9650972", "Base Application", "Microsoft",
                    AppVersion.parse("27.0.0.0"))))));
            for (int i = 1; i <= PACKAGES; i++) {
                String code = "BENCH-" + i;
                add(entries, "packages/" + code + ".rapidstart", Files.readAllBytes(RapidStartFiles.write(
                        folder.resolve(code + ".rapidstart"), code, "Benchmark " + i, 2, 5).file()));
                manifest.append("  - configurationPackage: packages/").append(code).append(".rapidstart\n");
            }
            for (String item : ITEMS) {
                add(entries, "pictures/" + item + ".png", Images.png(64 + ITEMS.indexOf(item), 64));
            }
            manifest.append("  - pictures: pictures\n    parentType: items\nwaves:\n  - name: all\n    targets:\n")
                    .append("      - environment: production\n        companies: all\n")
                    .append("      - environment: sandbox\n        companies: all\n");
            add(entries, "release.yaml", manifest.toString().getBytes(StandardCharsets.UTF_8));
        }
        return zip;
    }

    private static void add(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
