package io.deploykit.emulator.reactor.packages;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.emulator.http.DelayedSteps;
import io.deploykit.emulator.reactor.manifest.Inspection;
import io.deploykit.emulator.reactor.manifest.PackageInspector;
import io.deploykit.emulator.reactor.manifest.ProcessingError;

/**
 * Processes each uploaded zip on the server's scheduler, the configured time after its upload: reads it
 * ({@link PackageInspector}) and ends the package {@code succeeded} or {@code failed}. No thread waits meanwhile.
 * Tests can hold packages {@code pending} and make the next processing fail.
 */
public final class PackageProcessing {

    private static final Logger LOG = LoggerFactory.getLogger(PackageProcessing.class);

    private final DelayedSteps steps;
    private final PackageStore store;
    private final AtomicReference<ProcessingError> nextFailure = new AtomicReference<>();

    public PackageProcessing(ScheduledExecutorService scheduler, Duration delay, PackageStore store) {
        this.steps = new DelayedSteps(scheduler, delay, "Package processing");
        this.store = store;
    }

    /** Schedules the processing of a package's latest zip; the package is already pending. */
    void start(PackageState pkg) {
        LOG.info("Extension package {} ({} {}): pending", pkg.id(), pkg.name(), pkg.version());
        steps.later(() -> process(pkg));
    }

    /** While stuck, packages stay pending; set false, the waiting ones are processed. */
    public void stick(boolean stuck) {
        steps.stick(stuck);
    }

    /** The next processing to complete fails with this error instead of reading its zip. */
    public void failNext(ProcessingError error) {
        nextFailure.set(error);
    }

    /** Unsticks processing and forgets an injected failure not used yet. */
    public void reset() {
        stick(false);
        nextFailure.set(null);
    }

    private void process(PackageState pkg) {
        if (steps.parkedWhileStuck(() -> process(pkg))) {
            return;
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
}
