package io.deploykit.benchmarks;

import static io.deploykit.benchmarks.support.Figures.format;
import static io.deploykit.benchmarks.support.Figures.mib;
import static io.deploykit.benchmarks.support.Figures.mibPerSecond;
import static io.deploykit.benchmarks.support.Figures.mibs;
import static io.deploykit.benchmarks.support.Figures.ratio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.deploykit.benchmarks.measuredjvm.UploadClient;
import io.deploykit.benchmarks.support.ClientReport;
import io.deploykit.benchmarks.support.Curl;
import io.deploykit.benchmarks.support.EmulatorAdmin;
import io.deploykit.benchmarks.support.EmulatorProcess;
import io.deploykit.benchmarks.support.Figures;
import io.deploykit.benchmarks.support.JavaProcess;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.reactor.ExtensionZips;

/**
 * Benchmark 1: a large upload through the component, in a client JVM with a small heap, against curl sending the
 * same file to the same emulator endpoint; runs interleaved, the best of each compared.
 */
final class StreamingUploadBenchmark implements Benchmark {

    private static final double TARGET_RATIO = 0.9;
    private static final String BC_CODE = "BIGUPLOAD";
    private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "upload";
    }

    @Override
    public String target() {
        return "succeeds with -Xmx64m; throughput >= 0.9x curl";
    }

    @Override
    public List<Result> run(Scale scale) throws Exception {
        if (!Curl.available()) {
            return List.of(Result.notRun("1. upload", target(), "curl is not installed"));
        }
        try (Workspace work = new Workspace(name())) {
            work.requireFree(scale.bcUploadBytes() + scale.reactorUploadBytes() + (scale.bcUploadBytes() << 1));
            try (EmulatorProcess emulator = EmulatorProcess.start(work.dir(), "--max-upload", "2GB", "--job-step", "1s",
                    "--processing-time", "100ms")) {
                List<Result> results = new ArrayList<>(bc(scale, work, emulator));
                Files.deleteIfExists(work.file("large.rapidstart")); // room for the zip
                results.addAll(reactor(scale, work, emulator));
                return results;
            }
        }
    }

    private List<Result> bc(Scale scale, Workspace work, EmulatorProcess emulator) throws Exception {
        Path large = RapidStartFiles.writeOfSize(work.file("large.rapidstart"), BC_CODE, scale.bcUploadBytes()).file();
        Path warmUp = RapidStartFiles.write(work.file("warm.rapidstart"), BC_CODE, BC_CODE, 1, 1).file();
        EmulatorAdmin bc = emulator.bc();
        String token = bc.bcToken();
        String id = bc.createBcPackage(token, emulator.companyId(), BC_CODE);
        String content = bc.bcPackagesUrl(emulator.companyId()) + "(" + id + ")/file('" + BC_CODE + "')/content";
        Side side = measure(scale, work, large, List.of("bc", bc.baseUrl(), emulator.reactor().baseUrl(),
                warmUp.toString(), large.toString()), () -> Curl.timed(204, "-X", "PATCH", "-T", large.toString(), // -T streams; --data-binary reads all into memory
                "-H", "Content-Type: application/octet-stream", "-H", "If-Match: *", "-H", "Authorization: Bearer " + token,
                content));
        return side.rows("1a. bc: upload " + mib(Files.size(large)), "bc:configurationPackage?operation=upload",
                "curl -X PATCH -T file", scale);
    }

    private List<Result> reactor(Scale scale, Workspace work, EmulatorProcess emulator) throws Exception {
        Path large = ExtensionZips.writeOfSize(work.file("large.zip"), "bench-large", "1.0.0", "web",
                scale.reactorUploadBytes());
        Path warmUp = ExtensionZips.write(work.file("warm.zip"), "bench-warm", "1.0.0", "web");
        EmulatorAdmin reactor = emulator.reactor();
        String token = reactor.reactorToken();
        Side side = measure(scale, work, large, List.of("reactor", emulator.bc().baseUrl(), reactor.baseUrl(),
                warmUp.toString(), large.toString()), () -> {
                    reactor.deleteReactorPackages(token);
                    return Curl.timed(201, "-X", "POST", "-F", "package=@" + large + ";type=application/zip",
                            "-H", "Accept: " + EmulatorAdmin.REACTOR_ACCEPT, "-H", "Authorization: Bearer " + token,
                            "-H", "x-api-key: " + EmulatorAdmin.CLIENT_ID, "-H", "x-gw-ims-org-id: " + EmulatorAdmin.ORG_ID,
                            reactor.baseUrl() + "/extension_packages");
                }, () -> reactor.deleteReactorPackages(token));
        return side.rows("1b. reactor: create " + mib(Files.size(large)),
                "reactor:extensionPackage?operation=create (waitForCompletion=false)", "curl -F package=@zip", scale);
    }

    @FunctionalInterface
    private interface TimedRun {
        long nanos() throws Exception;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private Side measure(Scale scale, Workspace work, Path large, List<String> clientArgs, TimedRun curl)
            throws Exception {
        return measure(scale, work, large, clientArgs, curl, () -> { });
    }

    /** Component and curl in turn, {@code uploadRepeats} times; {@code before} cleans up before each component run. */
    private Side measure(Scale scale, Workspace work, Path large, List<String> clientArgs, TimedRun curl, Step before)
            throws Exception {
        Side side = new Side(Files.size(large));
        for (int run = 0; run < scale.uploadRepeats(); run++) {
            before.run();
            try {
                ClientReport report = JavaProcess.run(UploadClient.class, List.of("-Xmx" + scale.clientHeap(),
                        "-XX:+ExitOnOutOfMemoryError", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), clientArgs,
                        work.dir(), CLIENT_TIMEOUT);
                side.component(report.number("nanos"), report.number("peakHeapBytes"), report.number("maxHeapBytes"));
            } catch (IllegalStateException failed) {
                side.failure = failed.getMessage();
            }
            side.curl(curl.nanos());
        }
        return side;
    }

    /** The runs of one upload. */
    private static final class Side {
        final long bytes;
        long bestComponent = Long.MAX_VALUE;
        long bestCurl = Long.MAX_VALUE;
        long peakHeap;
        long maxHeap;
        String failure;
        final List<String> runs = new ArrayList<>();
        final List<Long> componentRuns = new ArrayList<>();
        final List<Long> curlRuns = new ArrayList<>();

        Side(long bytes) {
            this.bytes = bytes;
        }

        void component(long nanos, long heap, long max) {
            bestComponent = Math.min(bestComponent, nanos);
            componentRuns.add(nanos);
            peakHeap = Math.max(peakHeap, heap);
            maxHeap = max;
            runs.add("component " + mibs(mibPerSecond(bytes, nanos)));
        }

        void curl(long nanos) {
            bestCurl = Math.min(bestCurl, nanos);
            curlRuns.add(nanos);
            runs.add("curl " + mibs(mibPerSecond(bytes, nanos)));
        }

        List<Result> rows(String name, String what, String baseline, Scale scale) {
            String heapTarget = "succeeds with -Xmx" + scale.clientHeap() + "; report peak heap";
            if (bestComponent == Long.MAX_VALUE) {
                return List.of(Result.missed(name + ": heap", heapTarget, "failed", "",
                        "every run failed; the last: " + firstLine(failure)));
            }
            double component = mibPerSecond(bytes, bestComponent);
            double curl = mibPerSecond(bytes, bestCurl);
            double ratio = component / curl;
            double medianRatio = mibPerSecond(bytes, median(componentRuns)) / mibPerSecond(bytes, median(curlRuns));
            String runsNote = "best of " + scale.uploadRepeats() + ", interleaved: " + String.join(", ", runs)
                              + "; medians " + ratio(medianRatio) + ". The emulator took "
                              + mibs(Math.max(component, curl)) + ": its ceiling for this upload is at least that";
            Result throughput = Result.of(ratio >= TARGET_RATIO, name + ": throughput",
                    ">= " + TARGET_RATIO + "x " + baseline, mibs(component) + " vs curl " + mibs(curl), ratio(ratio),
                    what + "; " + runsNote);
            boolean heapMet = failure == null;
            Result heap = Result.of(heapMet, name + ": heap", heapTarget,
                    "peak heap used " + mib(peakHeap) + " of " + mib(maxHeap),
                    format("%.0f%% of max", 100.0 * peakHeap / maxHeap),
                    heapMet ? "no OutOfMemoryError in " + scale.uploadRepeats() + " run(s); peak = sum of the heap "
                                                   + "pools' peaks (MemoryPoolMXBean), an upper bound"
                            : "a run failed: " + firstLine(failure));
            return List.of(throughput, heap);
        }

        private static long median(List<Long> nanos) {
            return Figures.median(nanos.stream().mapToLong(Long::longValue).toArray());
        }

        private static String firstLine(String text) {
            return text == null ? "" : text.lines().findFirst().orElse(text);
        }
    }
}
