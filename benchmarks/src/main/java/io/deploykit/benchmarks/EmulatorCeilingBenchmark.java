package io.deploykit.benchmarks;

import static io.deploykit.benchmarks.support.Figures.format;
import static io.deploykit.benchmarks.support.Figures.ratio;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.deploykit.benchmarks.support.EmulatorProcess;

/**
 * The emulator's own ceiling for small requests (the polls of benchmark 2), with the JDK's HTTP client and nothing of
 * DeployKit: it must be well above the load the benchmarks put on it. Its ceiling for uploads is curl's throughput,
 * reported with benchmark 1.
 */
final class EmulatorCeilingBenchmark implements Benchmark {

    private static final int IN_FLIGHT = 64;

    @Override
    public String name() {
        return "ceiling";
    }

    @Override
    public String target() {
        return "above the poll load of benchmark 2";
    }

    @Override
    public List<Result> run(Scale scale) throws Exception {
        try (Workspace work = new Workspace(name());
             // the emulator's own speed, not Business Central's 6000 requests per 5 minutes, which this many GETs pass
             EmulatorProcess emulator = EmulatorProcess.start(work.dir(), "--requests-per-window", "100000000")) {
            String token = emulator.bc().bcToken();
            String pkg = emulator.bc().createBcPackage(token, emulator.companyId(), "CEILING");
            HttpRequest get = HttpRequest.newBuilder(URI.create(emulator.bc().bcPackagesUrl(emulator.companyId())
                    + "(" + pkg + ")")).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .build();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            fire(http, get, Math.min(2_000, scale.ceilingRequests())); // connections and JIT
            long start = System.nanoTime();
            long failed = fire(http, get, scale.ceilingRequests());
            long nanos = System.nanoTime() - start;
            double perSecond = scale.ceilingRequests() / (nanos / 1e9);
            double load = scale.concurrentDeploys() * 1000.0 / scale.pollInterval().toMillis();
            return List.of(Result.of(perSecond > load && failed == 0, "0. emulator ceiling: small requests",
                    format("> benchmark 2's poll load, %.0f req/s", load), format("%.0f req/s", perSecond),
                    ratio(perSecond / load), scale.ceilingRequests() + " GET configurationPackages(id), " + IN_FLIGHT
                    + " in flight, JDK HttpClient from the harness JVM, the 5-minute request window raised, " + failed
                    + " failed; its upload ceiling is"
                    + " reported with benchmark 1"));
        }
    }

    /** @return how many requests failed */
    private static long fire(HttpClient http, HttpRequest request, int count) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicLong failed = new AtomicLong();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            sent.whenComplete((response, error) -> {
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                slots.release();
            });
        }
        if (!slots.tryAcquire(IN_FLIGHT, 2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The emulator did not answer every request within 2 minutes");
        }
        return failed.get();
    }
}
