package io.deploykit.benchmarks.measuredjvm;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import io.deploykit.benchmarks.support.EmulatorAdmin;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * Benchmark 4's client: the same deploy through the bc: component and through the hand-written camel-http route,
 * in one JVM, alternating, after a warm-up of each; every deploy replaces the package of the previous one, as a
 * redeploy does. Reports each side's median time and requests per deploy (counted on the emulator).
 * <p>Arguments: {@code BC_URL POLL_MILLIS ROUNDS DIR}
 */
public final class DeployComparisonClient {

    private static final String COMPONENT = "direct:component";
    private static final String CODE = "COMPARE";

    private DeployComparisonClient() {
    }

    public static void main(String[] args) throws Exception {
        EmulatorAdmin emulator = new EmulatorAdmin(args[0]);
        long poll = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        File file = RapidStartFiles.write(java.nio.file.Path.of(args[3], "compare.rapidstart"), CODE, CODE, 3, 10)
                .file().toFile();
        try (CamelContext context = ClientCamel.create(args[0], null, Duration.ofMillis(poll))) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(COMPONENT).to("bc:configurationPackage?operation=deploy");
                }
            });
            context.addRoutes(new HandWrittenDeployRoute(emulator, poll));
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            deploy(template, COMPONENT, file);
            deploy(template, HandWrittenDeployRoute.FROM, file);
            long[][] nanos = new long[2][rounds];
            long[][] requests = new long[2][rounds];
            String[] routes = {COMPONENT, HandWrittenDeployRoute.FROM};
            for (int round = 0; round < rounds; round++) {
                for (int side = 0; side < 2; side++) {
                    emulator.clearRequests();
                    long start = System.nanoTime();
                    deploy(template, routes[side], file);
                    nanos[side][round] = System.nanoTime() - start;
                    Map<String, Long> counts = emulator.requestCounts();
                    requests[side][round] = counts.values().stream().mapToLong(Long::longValue).sum();
                    ClientOutput.report((side == 0 ? "component" : "handWritten") + ".counts." + round, counts);
                }
            }
            String[] names = {"component", "handWritten"};
            for (int side = 0; side < 2; side++) {
                ClientOutput.report(names[side] + ".nanos", io.deploykit.benchmarks.support.Figures.median(nanos[side]));
                ClientOutput.report(names[side] + ".requests", io.deploykit.benchmarks.support.Figures.median(requests[side]));
            }
        }
    }

    private static void deploy(ProducerTemplate template, String route, File file) {
        Exchange result = template.send(route, exchange -> {
            exchange.getMessage().setBody(file);
            exchange.getMessage().setHeader(HandWrittenDeployRoute.CODE, CODE);
        });
        if (result.getException() != null) {
            throw new IllegalStateException(route + " failed", result.getException());
        }
    }
}
