package io.deploykit.emulator.reactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes each uploaded zip on the server's scheduler, the configured time after its upload: reads it
 * ({@link PackageInspector}) and ends the package {@code succeeded} or {@code failed}. No thread waits meanwhile.
 * Tests can hold packages {@code pending} and make the next processing fail.
 */
final class PackageProcessing {

    private static final Logger LOG = LoggerFactory.getLogger(PackageProcessing.class);

    private final ScheduledExecutorService scheduler;
    private final Duration delay;
    private final PackageStore store;
    private final AtomicReference<ProcessingError> nextFailure = new AtomicReference<>();
    /** Processing held back while stuck; guarded by this. */
    private final List<Runnable> parked = new ArrayList<>();
    private boolean stuck;

    PackageProcessing(ScheduledExecutorService scheduler, Duration delay, PackageStore store) {
        this.scheduler = scheduler;
        this.delay = delay;
        this.store = store;
    }

    /** Schedules the processing of a package's latest zip; the package is already pending. */
    void start(PackageState pkg) {
        LOG.info("Extension package {} ({} {}): pending", pkg.id(), pkg.name(), pkg.version());
        scheduler.schedule(guarded(() -> process(pkg)), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** While stuck, packages stay pending; set false, the waiting ones are processed. */
    void stick(boolean stuck) {
        List<Runnable> released;
        synchronized (this) {
            if (this.stuck == stuck) {
                return;
            }
            this.stuck = stuck;
            if (stuck) {
                LOG.info("Processing is stuck: packages stay pending until released");
                return;
            }
            released = List.copyOf(parked);
            parked.clear();
        }
        LOG.info("Processing runs again; {} waiting package(s) move on", released.size());
        released.forEach(task -> scheduler.execute(guarded(task)));
    }

    /** The next processing to complete fails with this error instead of reading its zip. */
    void failNext(ProcessingError error) {
        nextFailure.set(error);
    }

    /** Unsticks processing and forgets an injected failure not used yet. */
    void reset() {
        stick(false);
        nextFailure.set(null);
    }

    private void process(PackageState pkg) {
        synchronized (this) {
            if (stuck) {
                parked.add(() -> process(pkg));
                return;
            }
        }
        if (!store.isCurrent(pkg.id(), pkg.revision())) {
            return; // deleted, or a newer zip came: its own processing is scheduled
        }
        ProcessingError injected = nextFailure.getAndSet(null);
        Inspection outcome = injected == null ? PackageInspector.inspect(pkg.zip()) : Inspection.failed(injected);
        if (!store.completeProcessing(pkg.id(), pkg.revision(), outcome)) {
            if (injected != null) {
                nextFailure.compareAndSet(null, injected); // for the processing that does complete
            }
            return;
        }
        if (outcome.succeeded()) {
            LOG.info("Extension package {} ({} {}): succeeded", pkg.id(), outcome.manifest().name(),
                    outcome.manifest().version());
        } else {
            LOG.info("Extension package {}: failed: {}", pkg.id(), outcome.errors());
        }
    }

    /** A scheduler drops a task's exception silently: log it instead. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Processing an extension package failed", e);
            }
        };
    }
}
