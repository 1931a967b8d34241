package io.deploykit.soak;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * One soak run: a PostgreSQL server and both services emulated in this JVM; {@code instances} instances of the
 * file-drop example in child JVMs, in cluster mode on one inbox folder; files dropped at a steady rate while faults
 * are injected and instances are killed and restarted; then, once the inbox is empty, every dropped file reconciled
 * with what the services received.
 */
public final class Soak {

    static {
        // the harness's own logging, unless told otherwise; a logback.xml on the class path would configure the children
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/deploykit/soak/soak-logback.xml");
        }
    }

    private static final Duration WATCH_EVERY = Duration.ofMillis(150);

    private final SoakSettings settings;

    public Soak(SoakSettings settings) {
        this.settings = settings;
    }

    public SoakResult run() throws Exception {
        Instant origin = Instant.now();
        Path work = settings.work().toAbsolutePath();
        emptyFolder(work);
        Path inbox = work.resolve("inbox");
        for (Drop.Kind kind : Drop.Kind.values()) {
            Files.createDirectories(inbox.resolve(kind.folder));
        }
        Path staging = Files.createDirectories(work.resolve("staging"));
        Say.line("work folder %s", work);

        SoakResult result = new SoakResult(settings, origin);
        try (Services services = new Services(settings.jobStep())) {
            Say.line("PostgreSQL on %s, Business Central emulated on %s, Reactor on %s", services.jdbcUrl(),
                    services.bc.baseUrl(), services.reactor.baseUrl());
            List<String> arguments = instanceArguments(services, inbox, work);
            AtomicReference<DropLedger> ledgerRef = new AtomicReference<>();
            Cluster cluster = new Cluster(work, () -> arguments, origin, () -> ledgerRef.get() == null ? Map.of()
                    : ledgerRef.get().unsettled().stream().filter(d -> d.held)
                            .collect(Collectors.toMap(d -> d.name, d -> d.key)));
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = null;
            try {
                cluster.startAll(settings.instances());
                result.startedAfter = Duration.between(origin, Instant.now());
                Say.line("%d instances ready after %d s", settings.instances(), result.startedAfter.toSeconds());

                DropLedger ledger = new DropLedger(inbox, drop -> {
                    if (drop.expected == Drop.Expected.JOB_TIMEOUT) {
                        services.bc.faults().stickJobsOf(drop.key, false); // its jobs may go on now
                    }
                });
                ledgerRef.set(ledger);
                watcher = watch(ledger, watching);
                List<String> strikes = strikes();
                List<Duration> strikeMoments = new ArrayList<>();
                for (int i = 0; i < strikes.size(); i++) {
                    strikeMoments.add(settings.dropPhase().multipliedBy(i + 1).dividedBy(strikes.size() + 1));
                }
                Dropper dropper = new Dropper(settings, inbox, staging, ledger, services.bc.faults(),
                        services.bc.environment(), strikeMoments);
                FaultInjector faults = new FaultInjector(services, settings);

                Instant dropsStarted = Instant.now();
                faults.start(settings.dropPhase());
                AtomicReference<Throwable> chaosFailure = new AtomicReference<>();
                Thread chaos = chaos(cluster, strikes, strikeMoments, chaosFailure);
                dropAll(dropper, ledger);
                result.dropPhase = Duration.between(dropsStarted, Instant.now());
                faults.stop();
                chaos.join(Duration.ofMinutes(5).toMillis());
                if (chaosFailure.get() != null) {
                    result.problem("kills and restarts: " + chaosFailure.get());
                }
                Say.line("%d files dropped in %d s; waiting for the inbox to empty", settings.drops(),
                        result.dropPhase.toSeconds());

                Instant drainStarted = Instant.now();
                drain(ledger);
                result.drain = Duration.between(drainStarted, Instant.now());
                dropper.releaseAll();
                cluster.checkReplacements();
                // a lock is released when its file's exchange completes, just after the file moved
                Await.until(Duration.ofSeconds(30), () -> services.lockRows().isEmpty());
                result.locksWhileRunning = services.lockRows();

                cluster.stopAll();
                watching.set(false);
                watcher.join(5_000);
                ledger.poll();
                faults.settle();
                result.finishedAt = Instant.now();
                Reconciliation.reconcile(result, settings, inbox, services, ledger, dropper, faults, cluster);
            } catch (Exception | Error e) {
                throw new Await.SoakFailure("The soak run stopped: " + e + cluster.tails(80), e);
            } finally {
                watching.set(false);
                cluster.killAll();
            }
        }
        return result;
    }

    private List<String> instanceArguments(Services services, Path inbox, Path work) {
        List<String> arguments = new ArrayList<>(List.of(
                "--deploykit.example.inbox=" + inbox,
                "--deploykit.example.emulators=off",
                "--deploykit.example.read-lock-min-age=300ms",
                "--deploykit.example.poll-delay=200ms",
                "--deploykit.example.release-private=true",
                "--camel.main.shutdown-timeout=" + settings.shutdownTimeout().toSeconds()));
        arguments.addAll(services.serviceArguments(settings.bcTimeout()));
        arguments.addAll(services.clusterArguments(settings.heartbeat(), settings.takeover()));
        return arguments;
    }

    private static Thread watch(DropLedger ledger, AtomicBoolean watching) {
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                try {
                    ledger.poll();
                } catch (RuntimeException e) {
                    Say.line("watching the inbox: %s", e);
                }
                Await.sleep(WATCH_EVERY);
            }
        }, "soak-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    /** Drops the files at a steady rate over the drop phase. */
    private void dropAll(Dropper dropper, DropLedger ledger) throws IOException {
        long started = System.nanoTime();
        long interval = settings.dropPhase().toNanos() / settings.drops();
        long reportEvery = Math.max(1, settings.drops() / 10);
        for (int seq = 1; seq <= settings.drops(); seq++) {
            long due = started + (seq - 1) * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Await.sleep(Duration.ofNanos(wait));
            }
            dropper.drop(seq);
            if (seq % reportEvery == 0) {
                Say.line("%d dropped, %d in the inbox", seq, ledger.unsettled().size());
            }
        }
    }

    /** The kills and restarts, alternating. */
    private List<String> strikes() {
        List<String> strikes = new ArrayList<>();
        for (int k = 0, r = 0; k < settings.kills() || r < settings.restarts(); ) {
            if (k < settings.kills()) {
                strikes.add(Cluster.KILL);
                k++;
            }
            if (r < settings.restarts()) {
                strikes.add(Cluster.RESTART);
                r++;
            }
        }
        return strikes;
    }

    /** The kills and restarts at their moments, spread evenly over the drop phase. */
    private Thread chaos(Cluster cluster, List<String> strikes, List<Duration> moments,
                         AtomicReference<Throwable> failure) {
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            try {
                for (int i = 0; i < strikes.size(); i++) {
                    long due = started + moments.get(i).toNanos();
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Await.sleep(Duration.ofNanos(wait));
                    }
                    cluster.strike(strikes.get(i));
                }
            } catch (Exception | Error e) {
                failure.set(e);
            }
        }, "soak-chaos");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits until every dropped file left the inbox, reporting progress; the drain bound caps it. */
    private void drain(DropLedger ledger) {
        long deadline = System.nanoTime() + settings.drainBound().toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!ledger.unsettled().isEmpty() && System.nanoTime() < deadline) {
            Await.sleep(Duration.ofMillis(200));
            if (System.nanoTime() > nextReport) {
                List<Drop> left = ledger.unsettled();
                Say.line("%d file(s) still in the inbox%s", left.size(),
                        left.size() <= 5 ? ": " + left : "");
                nextReport += Duration.ofSeconds(15).toNanos();
            }
        }
    }

    /** Makes the folder and empties it: each run starts from nothing. */
    private static void emptyFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (!dir.equals(folder)) {
                        Files.delete(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        Files.createDirectories(folder);
    }
}
