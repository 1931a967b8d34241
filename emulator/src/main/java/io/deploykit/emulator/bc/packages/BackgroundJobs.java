package io.deploykit.emulator.bc.packages;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.emulator.bc.files.Storage;
import io.deploykit.emulator.http.DelayedSteps;

/**
 * Runs the import and apply jobs of configuration packages on the server's scheduler, one step of the configured
 * duration each: {@code Scheduled} → {@code InProgress} → {@code Completed} or {@code Error}. Import really reads
 * the uploaded file. Tests steer the jobs here: jobs, all of them or those of a package code, can be held in
 * {@code Scheduled}, and the apply of a package code can be made to end with record errors or to fail.
 */
public final class BackgroundJobs {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

    private final DelayedSteps steps;
    private final Storage storage;
    private final Map<String, Integer> applyRecordErrors = new ConcurrentHashMap<>();
    private final Map<String, String> applyFailures = new ConcurrentHashMap<>();

    public BackgroundJobs(ScheduledExecutorService scheduler, Duration step, Storage storage) {
        this.steps = new DelayedSteps(scheduler, step, "Package jobs");
        this.storage = storage;
    }

    /** Starts the import of a package already marked {@code Scheduled}. */
    void startImport(PackageEntity pkg) {
        LOG.info("Package {} ({}): import Scheduled", pkg.code(), pkg.id());
        steps.later(() -> begin(pkg, BackgroundJob.IMPORT));
    }

    /** Starts the apply of a package already marked {@code Scheduled}. */
    void startApply(PackageEntity pkg) {
        LOG.info("Package {} ({}): apply Scheduled", pkg.code(), pkg.id());
        steps.later(() -> begin(pkg, BackgroundJob.APPLY));
    }

    /** While stuck, jobs stay {@code Scheduled}, as when Business Central's task scheduler is off. */
    public void stick(boolean stuck) {
        steps.stick(stuck);
    }

    /** While stuck, the jobs of the package with this code stay {@code Scheduled}; released, they move on. */
    public void stick(String code, boolean stuck) {
        steps.stick(key(code), stuck);
    }

    /** From now on, applying the package with this code completes with this many record errors (0: none). */
    public void applyRecordErrors(String code, int errors) {
        if (errors < 0) {
            throw new IllegalArgumentException("A number of record errors cannot be negative: " + errors);
        }
        String key = key(code);
        if (errors == 0) {
            applyRecordErrors.remove(key);
        } else {
            applyRecordErrors.put(key, errors);
        }
    }

    /** From now on, applying the package with this code ends in {@code Error} with this message (null: no more). */
    public void applyFailure(String code, String message) {
        if (message == null) {
            applyFailures.remove(key(code));
        } else {
            applyFailures.put(key(code), message);
        }
    }

    /** Unsticks the jobs, those of every package code too, and forgets every apply outcome set. */
    public void reset() {
        steps.releaseAll();
        applyRecordErrors.clear();
        applyFailures.clear();
    }

    private void begin(PackageEntity pkg, BackgroundJob job) {
        if (steps.parkedWhileStuck(pkg.code(), () -> begin(pkg, job))) {
            LOG.info("Package {} ({}): {} stays Scheduled while its jobs are stuck", pkg.code(), pkg.id(), job);
            return;
        }
        if (pkg.begin(job)) {
            LOG.info("Package {} ({}): {} InProgress", pkg.code(), pkg.id(), job);
            steps.later(() -> finish(pkg, job));
        }
    }

    private void finish(PackageEntity pkg, BackgroundJob job) {
        if (job == BackgroundJob.IMPORT) {
            finishImport(pkg);
        } else {
            finishApply(pkg);
        }
    }

    private void finishImport(PackageEntity pkg) {
        String code = pkg.code();
        try {
            RapidStartContent content = RapidStartReader.read(storage.packageFile(pkg.id()));
            if (!key(content.code()).equals(code)) {
                fail(pkg, BackgroundJob.IMPORT, "The package code in the file, " + content.code()
                        + ", differs from the code of the configuration package, " + code + ".");
                return;
            }
            pkg.importCompleted(content);
            LOG.info("Package {} ({}): import Completed, {} table(s), {} record(s)", code, pkg.id(),
                    content.tables(), content.records());
        } catch (RapidStartReader.InvalidPackageException e) {
            fail(pkg, BackgroundJob.IMPORT, e.getMessage());
        } catch (IOException e) {
            fail(pkg, BackgroundJob.IMPORT, "The package file could not be read: " + e.getMessage());
        }
    }

    private void finishApply(PackageEntity pkg) {
        String code = pkg.code();
        String failure = applyFailures.get(code);
        if (failure != null) {
            fail(pkg, BackgroundJob.APPLY, failure);
            return;
        }
        int errors = applyRecordErrors.getOrDefault(code, 0);
        pkg.applyCompleted(errors);
        LOG.info("Package {} ({}): apply Completed with {} record error(s)", code, pkg.id(), errors);
    }

    private static void fail(PackageEntity pkg, BackgroundJob job, String message) {
        pkg.failed(job, message);
        LOG.info("Package {} ({}): {} Error: {}", pkg.code(), pkg.id(), job, message);
    }

    private static String key(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
