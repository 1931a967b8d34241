package io.deploykit.benchmarks.measuredjvm;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import io.deploykit.benchmarks.support.EmulatorAdmin;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * Benchmark 2's client: one deploy alone, then N at once, through a route to {@code bc:...?operation=deploy}; reports
 * both wall times and the JVM's live and peak thread counts while the N wait for their jobs. The emulator's request
 * record is cleared before the N start, so what it holds afterwards is theirs; the CPU time both processes used
 * during the N is reported too.
 * <p>Arguments: {@code BC_URL POLL_MILLIS N DIR [MAX_CONNECTIONS]}
 */
public final class ConcurrentDeployClient {

    private static final String ROUTE = "direct:deploy";

    private ConcurrentDeployClient() {
    }

    public static void main(String[] args) throws Exception {
        Duration poll = Duration.ofMillis(Long.parseLong(args[1]));
        int n = Integer.parseInt(args[2]);
        Path dir = Files.createDirectories(Path.of(args[3]));
        List<File> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(RapidStartFiles.write(dir.resolve("c" + i + ".rapidstart"), "CONC-" + i, "Concurrent " + i, 1, 5)
                    .file().toFile());
        }
        List<File> warmUp = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            warmUp.add(RapidStartFiles.write(dir.resolve("w" + i + ".rapidstart"), "WARM-" + i, "Warm-up " + i, 1, 5)
                    .file().toFile());
        }
        File single = RapidStartFiles.write(dir.resolve("single.rapidstart"), "CONC-SINGLE", "Single", 1, 5).file().toFile();

        try (CamelContext context = ClientCamel.create(args[0], null, poll)) {
            if (args.length > 4) {
                context.getComponent("bc", io.deploykit.camel.bc.BcComponent.class).getConfiguration()
                        .setMaxConnections(Integer.parseInt(args[4]));
            }
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(ROUTE).to("bc:configurationPackage?operation=deploy");
                }
            });
            context.start();
            try (AsyncSender sender = new AsyncSender(context, ROUTE)) {
                // the same N once first: the token, the company, the connections and the JIT compiler's work are
                // start-up costs, not what waiting costs; a long-running application has paid them
                deployAll(sender, warmUp);
                long singleStart = System.nanoTime();
                deployAll(sender, List.of(single));
                ClientOutput.report("singleNanos", System.nanoTime() - singleStart);

                EmulatorAdmin emulator = new EmulatorAdmin(args[0]);
                emulator.clearRequests(); // the emulator then counts the N's requests alone
                long emulatorCpuStart = emulator.processCpuMillis();
                long cpuStart = processCpuNanos();
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                threads.resetPeakThreadCount();
                ThreadSampler sampler = ThreadSampler.start(threads);
                long start = System.nanoTime();
                deployAll(sender, files);
                ClientOutput.report("concurrentNanos", System.nanoTime() - start);
                ClientOutput.report("clientCpuNanos", processCpuNanos() - cpuStart);
                ClientOutput.report("emulatorCpuNanos", (emulator.processCpuMillis() - emulatorCpuStart) * 1_000_000);
                ClientOutput.report("peakThreads", threads.getPeakThreadCount());
                ClientOutput.report("maxLiveThreads", sampler.stop());
                ClientOutput.report("threadNames", ThreadSampler.poolsAlive());
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void deployAll(AsyncSender sender, List<File> files) throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (File file : files) {
            sent.add(sender.send(exchange -> exchange.getMessage().setBody(file)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        for (CompletableFuture<Exchange> done : sent) {
            Exception failure = done.get().getException();
            if (failure != null) {
                throw new IllegalStateException("A deploy failed", failure);
            }
        }
    }
}
