package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.error.OperationInterruptedException;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * A stop while deploys wait for their jobs: each exchange ends at once with {@link OperationInterruptedException},
 * nothing stays in flight, and what the exchange spooled is deleted. The jobs go on in Business Central.
 */
class StopInterruptsOperationsTest extends BcTestSupport {

    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:deploy").routeId("deploy").to("bc:configurationPackage?operation=deploy");
            }
        };
    }

    private Future<Exchange> deployStuckInItsImport(String code, Object body) throws Exception {
        emulator.faults().stickJobs(true);
        Future<Exchange> deploy = template.asyncSend("direct:deploy", exchange -> exchange.getMessage().setBody(body));
        waitFor("the import of " + code + " is scheduled and polled", () -> stored(code)
                .filter(p -> p.importStatus().equals("Scheduled")).isPresent()
                && emulator.requests().stream().anyMatch(r -> r.method().equals("GET") && r.status() == 200
                        && r.path().contains("configurationPackages") && r.time().isAfter(importTime())));
        assertEquals(1, context.getInflightRepository().size());
        return deploy;
    }

    private static java.time.Instant importTime() {
        return emulator.requests().stream().filter(r -> "packages.import".equals(r.route())).map(r -> r.time())
                .findFirst().orElse(java.time.Instant.MAX);
    }

    private static Throwable interruption(Future<Exchange> deploy) throws Exception {
        Exchange done = deploy.get(10, TimeUnit.SECONDS);
        return failure(done);
    }

    private static Set<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(TMP)) {
            return files.filter(f -> f.getFileName().toString().startsWith("deploykit-")
                                     && f.getFileName().toString().endsWith(".upload")).collect(Collectors.toSet());
        }
    }

    @Test
    void stoppingTheRouteEndsADeployWaitingForItsImport() throws Exception {
        String code = newCode("STOPROUTE");
        Path file = RapidStartFiles.write(dir.resolve("stop.rapidstart"), code, "Stop", 1, 2).file();
        Future<Exchange> deploy = deployStuckInItsImport(code, file.toFile());

        context.getShutdownStrategy().setTimeout(1);
        context.getRouteController().stopRoute("deploy");

        Throwable failure = interruption(deploy);
        assertEquals(OperationInterruptedException.class, failure.getClass(), String.valueOf(failure));
        assertEquals(0, context.getInflightRepository().size());
        assertEquals("Scheduled", stored(code).orElseThrow().importStatus(), "the job goes on in Business Central");
        assertEquals(1, emulator.requestCount("packages.import"));
        assertEquals(0, emulator.requestCount("packages.apply"));
    }

    @Test
    void stoppingTheContextEndsTheDeployAndDeletesItsSpooledCopy() throws Exception {
        String code = newCode("STOPCTX");
        byte[] bytes = Files.readAllBytes(RapidStartFiles.write(dir.resolve("s.rapidstart"), code, "S", 1, 2).file());
        Set<Path> before = spooled();

        Future<Exchange> deploy = deployStuckInItsImport(code, new ByteArrayInputStream(bytes));
        Set<Path> copies = new HashSet<>(spooled());
        copies.removeAll(before);
        assertEquals(1, copies.size(), "the stream was spooled to a temporary file: " + copies);

        context.getShutdownStrategy().setTimeout(1);
        context.stop();

        Throwable failure = interruption(deploy);
        assertEquals(OperationInterruptedException.class, failure.getClass(), String.valueOf(failure));
        assertEquals(0, context.getInflightRepository().size());
        Path copy = copies.iterator().next();
        waitFor("the spooled copy " + copy + " is deleted", () -> Files.notExists(copy));
    }

    @Test
    void stoppingTheContextWhileARequestWaitsForItsRetryEndsTheDeployAtOnce() throws Exception {
        String code = newCode("STOPRETRY");
        byte[] bytes = Files.readAllBytes(RapidStartFiles.write(dir.resolve("r.rapidstart"), code, "R", 1, 2).file());
        Set<Path> before = spooled();
        // the create is refused with Retry-After: 30; the retry waits on the scheduler when the context stops
        emulator.faults().matching("POST", ".*/configurationPackages").serviceUnavailable(1, 30);
        Future<Exchange> deploy = template.asyncSend("direct:deploy",
                exchange -> exchange.getMessage().setBody(new ByteArrayInputStream(bytes)));
        waitFor("the create refused and its retry scheduled", () -> emulator.requests().stream()
                .anyMatch(r -> "packages.create".equals(r.route()) && r.status() == 503));
        Set<Path> copies = new HashSet<>(spooled());
        copies.removeAll(before);

        long stopping = System.nanoTime();
        context.getShutdownStrategy().setTimeout(1);
        context.stop();

        Throwable failure = interruption(deploy);
        assertEquals(OperationInterruptedException.class, failure.getClass(), String.valueOf(failure));
        assertTrue(System.nanoTime() - stopping < TimeUnit.SECONDS.toNanos(15), "not after the 30 s Retry-After");
        assertEquals(0, context.getInflightRepository().size());
        assertEquals(1, copies.size(), "the body was spooled: " + copies);
        Path copy = copies.iterator().next();
        waitFor("the spooled copy " + copy + " is deleted", () -> Files.notExists(copy));
        assertEquals(0, emulator.requests().stream().filter(r -> "packages.create".equals(r.route()) && r.status() == 201)
                .count(), "the retry was not sent after the stop");
    }
}
