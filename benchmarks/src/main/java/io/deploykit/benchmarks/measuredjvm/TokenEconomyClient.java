package io.deploykit.benchmarks.measuredjvm;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * Benchmark 5's client: N {@code list} calls through the bc: component, a fixed number in flight, each starting when
 * another ends; the harness counts the token requests on the emulator.
 * <p>Arguments: {@code BC_URL CALLS IN_FLIGHT}
 */
public final class TokenEconomyClient {

    private static final String ROUTE = "direct:list";

    private TokenEconomyClient() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[1]);
        int inFlight = Integer.parseInt(args[2]);
        try (CamelContext context = ClientCamel.create(args[0], null, Duration.ofSeconds(1))) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(ROUTE).to("bc:configurationPackage?operation=list");
                }
            });
            context.start();
            try (AsyncSender sender = new AsyncSender(context, ROUTE)) {
                AtomicInteger started = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                CompletableFuture<Void> allDone = new CompletableFuture<>();
                AtomicInteger finished = new AtomicInteger();
                long start = System.nanoTime();
                for (int i = 0; i < inFlight; i++) {
                    next(sender, calls, started, finished, failed, allDone);
                }
                allDone.get(10, TimeUnit.MINUTES);
                ClientOutput.report("nanos", System.nanoTime() - start);
                ClientOutput.report("failed", failed.get());
            }
        }
    }

    /** Starts one more call, if any is left; its end starts the next. */
    private static void next(AsyncSender sender, int calls, AtomicInteger started, AtomicInteger finished,
                             AtomicInteger failed, CompletableFuture<Void> allDone) {
        if (started.incrementAndGet() > calls) {
            return;
        }
        sender.send(exchange -> { }).whenComplete((exchange, error) -> {
            if (error != null || exchange.getException() != null) {
                failed.incrementAndGet();
            }
            if (finished.incrementAndGet() == calls) {
                allDone.complete(null);
            } else {
                next(sender, calls, started, finished, failed, allDone);
            }
        });
    }
}
