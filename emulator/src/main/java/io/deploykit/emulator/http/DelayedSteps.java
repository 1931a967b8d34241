package io.deploykit.emulator.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an emulator's background state changes, such as a job moving on or a package being processed, on the
 * server's scheduler a fixed delay after they are asked for, so no thread waits meanwhile. Tests can make them
 * stick, all of them or those of one key (such as a package's code): a step that finds them stuck is parked, and
 * runs when they are released.
 */
public final class DelayedSteps {

    private static final Logger LOG = LoggerFactory.getLogger(DelayedSteps.class);

    private final ScheduledExecutorService scheduler;
    private final Duration delay;
    private final String name;
    /** Steps waiting while stuck; guarded by this. */
    private final List<Runnable> parked = new ArrayList<>();
    private boolean stuck;
    /** The keys whose steps are stuck, with the steps parked meanwhile; guarded by this. */
    private final Map<String, List<Runnable>> stuckKeys = new HashMap<>();

    /** @param name what the steps are, for the log, such as {@code Package jobs} */
    public DelayedSteps(ScheduledExecutorService scheduler, Duration delay, String name) {
        this.scheduler = scheduler;
        this.delay = delay;
        this.name = name;
    }

    /** Runs the step after the delay. */
    public void later(Runnable step) {
        scheduler.schedule(guarded(step), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** While stuck, parks the step to run once released, and answers true; otherwise answers false. */
    public synchronized boolean parkedWhileStuck(Runnable step) {
        if (stuck) {
            parked.add(step);
        }
        return stuck;
    }

    /**
     * While all steps or those of this key are stuck, parks the step to run once released (all steps first), and
     * answers true; otherwise answers false. A released step that runs again should ask again.
     */
    public synchronized boolean parkedWhileStuck(String key, Runnable step) {
        if (stuck) {
            parked.add(step);
            return true;
        }
        List<Runnable> parkedOfKey = stuckKeys.get(key);
        if (parkedOfKey != null) {
            parkedOfKey.add(step);
        }
        return parkedOfKey != null;
    }

    /** Sticks or releases the steps of one key; released, its parked steps run at once. */
    public void stick(String key, boolean stuck) {
        List<Runnable> released;
        synchronized (this) {
            if (stuck) {
                if (stuckKeys.putIfAbsent(key, new ArrayList<>()) == null) {
                    LOG.info("{} of {} are stuck until released", name, key);
                }
                return;
            }
            released = stuckKeys.remove(key);
        }
        if (released != null) {
            LOG.info("{} of {} run again; {} waiting step(s) move on", name, key, released.size());
            released.forEach(step -> scheduler.execute(guarded(step)));
        }
    }

    /** Releases every stuck key and all steps; the parked steps run at once. */
    public void releaseAll() {
        List<String> keys;
        synchronized (this) {
            keys = List.copyOf(stuckKeys.keySet());
        }
        keys.forEach(key -> stick(key, false));
        stick(false);
    }

    /** Sticks or releases the steps; released, the parked ones run at once. */
    public void stick(boolean stuck) {
        List<Runnable> released;
        synchronized (this) {
            if (this.stuck == stuck) {
                return;
            }
            this.stuck = stuck;
            if (stuck) {
                LOG.info("{} are stuck until released", name);
                return;
            }
            released = List.copyOf(parked);
            parked.clear();
        }
        LOG.info("{} run again; {} waiting step(s) move on", name, released.size());
        released.forEach(step -> scheduler.execute(guarded(step)));
    }

    /** A scheduler drops a task's exception silently: log it instead. */
    private Runnable guarded(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.error("{}: a step failed", name, e);
            }
        };
    }
}
