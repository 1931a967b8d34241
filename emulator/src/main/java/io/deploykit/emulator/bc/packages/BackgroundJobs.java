package io.deploykit.emulator.bc.packages;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
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
    private final Map<String, Integer> running = new HashMap<>();
    private final Map<String, Deque<Waiting>> waiting = new HashMap<>();
    private int runningJobsPerEnvironment = DEFAULT_RUNNING_JOBS_PER_ENVIRONMENT;

    /** Business Central online's "Maximum number of concurrent scheduled jobs running" per environment. */
    public static final int DEFAULT_RUNNING_JOBS_PER_ENVIRONMENT = 3;

    public BackgroundJobs(ScheduledExecutorService scheduler, Duration step, Storage storage) {
        this.steps = new DelayedSteps(scheduler, step, "Package jobs");
        this.storage = storage;
    }

    /** Starts the import of a package already marked {@code Scheduled}, in its company's environment. */
    void startImport(PackageEntity pkg, String environment) {
        LOG.info("Package {} ({}): import Scheduled", pkg.code(), pkg.id());
        steps.later(() -> begin(pkg, BackgroundJob.IMPORT, environment));
    }

    /** Starts the apply of a package already marked {@code Scheduled}, in its company's environment. */
    void startApply(PackageEntity pkg, String environment) {
        LOG.info("Package {} ({}): apply Scheduled", pkg.code(), pkg.id());
        steps.later(() -> begin(pkg, BackgroundJob.APPLY, environment));
    }

    /**
     * How many jobs an environment runs at once (Business Central online: "Maximum number of concurrent scheduled
     * jobs running", 3); the others stay {@code Scheduled} until one ends. 0: no limit.
     */
    public void setRunningJobsPerEnvironment(int jobs) {
        if (jobs < 0) {
            throw new IllegalArgumentException("A number of running jobs cannot be negative: " + jobs);
        }
        List<Runnable> free;
        synchronized (this) {
            runningJobsPerEnvironment = jobs;
            free = new ArrayList<>();
            waiting.values().forEach(queue -> {
                while (!queue.isEmpty() && hasSlot(queue.peek().environment())) {
                    Waiting next = queue.poll();
                    running.merge(next.environment(), 1, Integer::sum);
                    free.add(next.start());
                }
            });
        }
        free.forEach(steps::later);
    }

    public synchronized int runningJobsPerEnvironment() {
        return runningJobsPerEnvironment;
    }

    /** How many jobs each environment runs now, for tests and the admin routes. */
    public synchronized Map<String, Integer> runningJobs() {
        return Map.copyOf(running);
    }

    /** A job that waits for a slot of its environment, and what starts it once it has one. */
    private record Waiting(String environment, Runnable start) {
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

    private void begin(PackageEntity pkg, BackgroundJob job, String environment) {
        if (steps.parkedWhileStuck(pkg.code(), () -> begin(pkg, job, environment))) {
            LOG.info("Package {} ({}): {} stays Scheduled while its jobs are stuck", pkg.code(), pkg.id(), job);
            return;
        }
        synchronized (this) {
            if (!hasSlot(environment)) {
                waiting.computeIfAbsent(environment, env -> new ArrayDeque<>())
                        .add(new Waiting(environment, () -> run(pkg, job, environment)));
                LOG.info("Package {} ({}): {} stays Scheduled: environment {} runs {} jobs already", pkg.code(), pkg.id(),
                        job, environment, running.get(environment));
                return;
            }
            running.merge(environment, 1, Integer::sum);
        }
        run(pkg, job, environment);
    }

    /** Runs a job that holds a slot of its environment; the slot frees when it ends. */
    private void run(PackageEntity pkg, BackgroundJob job, String environment) {
        if (pkg.begin(job)) {
            LOG.info("Package {} ({}): {} InProgress", pkg.code(), pkg.id(), job);
            steps.later(() -> finish(pkg, job, environment));
        } else {
            release(environment);
        }
    }

    private boolean hasSlot(String environment) {
        return runningJobsPerEnvironment == 0 || running.getOrDefault(environment, 0) < runningJobsPerEnvironment;
    }

    private void release(String environment) {
        Runnable next = null;
        synchronized (this) {
            running.computeIfPresent(environment, (env, count) -> count <= 1 ? null : count - 1);
            Deque<Waiting> queue = waiting.get(environment);
            if (queue != null && !queue.isEmpty() && hasSlot(environment)) {
                running.merge(environment, 1, Integer::sum);
                next = queue.poll().start();
            }
        }
        if (next != null) {
            next.run();
        }
    }

    private void finish(PackageEntity pkg, BackgroundJob job, String environment) {
        try {
            if (job == BackgroundJob.IMPORT) {
                finishImport(pkg);
            } else {
                finishApply(pkg);
            }
        } finally {
            release(environment);
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
