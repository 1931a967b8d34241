package io.deploykit.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The instances of the application: started, killed, stopped and replaced, so that {@code instances} of them run
 * most of the time. Every kill and every graceful stop is aimed at an instance that is deploying at that moment.
 */
final class Cluster {

    /** A kill or a graceful restart, as it happened. */
    record Event(String type, String victim, Duration at, Set<String> inFlight, Set<String> longDeploysInFlight,
                 String deploying, Duration stoppedWithin, Integer exitCode, String replacement, String note) {
    }

    static final String KILL = "kill -9 (SIGKILL)";
    static final String RESTART = "graceful restart (SIGTERM)";

    private static final Duration START_BOUND = Duration.ofSeconds(180);
    private static final Duration STOP_BOUND = Duration.ofSeconds(60);
    private static final Duration FIND_LONG_DEPLOY = Duration.ofSeconds(5);
    private static final Duration FIND_BUSY_VICTIM = Duration.ofSeconds(20);

    private final Path work;
    private final Supplier<List<String>> arguments;
    private final Instant origin;
    private final List<Instance> all = new CopyOnWriteArrayList<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Supplier<Map<String, String>> longDeploys;
    private int started;

    /**
     * @param longDeploys the files in the inbox whose deploys take long (their jobs are held), with their package
     *                    codes: the best targets
     */
    Cluster(Path work, Supplier<List<String>> arguments, Instant origin, Supplier<Map<String, String>> longDeploys) {
        this.work = work;
        this.arguments = arguments;
        this.origin = origin;
        this.longDeploys = longDeploys;
    }

    /** Starts {@code count} instances and waits until each watches the inbox. */
    void startAll(int count) throws IOException {
        List<Instance> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starting.add(startOne());
        }
        for (Instance instance : starting) {
            instance.awaitReady(START_BOUND);
        }
    }

    private synchronized Instance startOne() throws IOException {
        Instance instance = Instance.start(++started, work, arguments.get());
        all.add(instance);
        return instance;
    }

    List<Instance> all() {
        return List.copyOf(all);
    }

    List<Instance> live() {
        return all.stream().filter(Instance::isAlive).toList();
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Kills (SIGKILL) or stops (SIGTERM) an instance that is deploying, then starts its replacement (not waiting for
     * it to be ready: that is checked at the end).
     */
    void strike(String type) throws IOException, InterruptedException {
        Victim victim = findBusyVictim();
        if (victim == null) {
            problems.add(type + " at " + since() + ": no started instance was alive");
            return;
        }
        Instance instance = victim.instance;
        Duration at = since();
        Set<String> inFlight = instance.inFlight();
        Set<String> longInFlight = longOnes(inFlight);
        long stopStarted = System.nanoTime();
        Duration stoppedWithin;
        String note = "";
        if (KILL.equals(type)) {
            instance.kill();
            stoppedWithin = Duration.ofNanos(System.nanoTime() - stopStarted);
        } else {
            boolean stopped = instance.terminate(STOP_BOUND, Instance.End.TERMINATED);
            stoppedWithin = Duration.ofNanos(System.nanoTime() - stopStarted);
            if (!stopped) {
                problems.add(instance.name + " did not stop within " + STOP_BOUND.toSeconds() + " s of SIGTERM; killed");
                note = "did not stop within " + STOP_BOUND.toSeconds() + " s; killed";
            }
        }
        Instance replacement = startOne();
        events.add(new Event(type, instance.name, at, inFlight, longInFlight, victim.deploying, stoppedWithin,
                instance.exitCode(), replacement.name, note));
        Say.line("%s of %s at %d s with %d file(s) in flight (%d waiting on held jobs; %s); %s starts", type, instance,
                at.toSeconds(), inFlight.size(), longInFlight.size(), victim.deploying, replacement.name);
    }

    /** @param deploying what shows, by its log, that it is deploying */
    private record Victim(Instance instance, String deploying) {
    }

    /**
     * The ready instance with the most files in flight, preferably one that started an import since the last look;
     * waits a while for one (a busy cluster always has one).
     */
    private Victim findBusyVictim() {
        // first choice: the instance deploying a package whose jobs are held, so the strike lands mid-deploy
        long longDeadline = System.nanoTime() + FIND_LONG_DEPLOY.toNanos();
        while (System.nanoTime() < longDeadline) {
            Map<String, String> held = longDeploys.get();
            for (Instance candidate : all) {
                Set<String> itsLong = candidate.isAlive() && candidate.isReady() ? longOnes(candidate.inFlight()) : Set.of();
                if (!itsLong.isEmpty()) {
                    String file = itsLong.iterator().next();
                    String code = held.get(file);
                    boolean importing = candidate.logged(Instance.IMPORT_STARTED + " " + code);
                    return new Victim(candidate, file + (importing ? ": the import of " + code + " under way, its job held"
                            : ": picked, the import of " + code + " not started yet"));
                }
            }
            Await.sleep(Duration.ofMillis(200));
        }
        long deadline = System.nanoTime() + FIND_BUSY_VICTIM.toNanos();
        List<Instance> ready = List.of();
        while (System.nanoTime() < deadline) {
            ready = all.stream().filter(i -> i.isAlive() && i.isReady()).toList();
            ready.forEach(Instance::startedAnImportSinceLastCheck); // forget what happened before this look
            Await.sleep(Duration.ofMillis(700));
            for (Instance candidate : ready.stream()
                    .sorted(Comparator.comparingInt((Instance i) -> i.inFlight().size()).reversed()).toList()) {
                if (candidate.isAlive() && candidate.startedAnImportSinceLastCheck() && !candidate.inFlight().isEmpty()) {
                    return new Victim(candidate, "an import started within the last 0.7 s");
                }
            }
        }
        return ready.stream().filter(Instance::isAlive)
                .max(Comparator.comparingInt((Instance i) -> i.inFlight().size()))
                .map(i -> new Victim(i, "no import started within the last 0.7 s")).orElse(null);
    }

    private Set<String> longOnes(Set<String> inFlight) {
        Map<String, String> held = longDeploys.get();
        return inFlight.stream().filter(held::containsKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Checks that every replacement became ready; notes instances that exited by themselves. */
    void checkReplacements() {
        for (Instance instance : all) {
            instance.noteExit();
            if (instance.end() == Instance.End.EXITED_BY_ITSELF) {
                problems.add(instance.name + " exited by itself with " + instance.exitCode() + instance.tail(40));
            }
        }
        for (Instance instance : all) {
            if (instance.isAlive() && !instance.isReady()) {
                try {
                    instance.awaitReady(START_BOUND);
                } catch (Await.SoakFailure e) {
                    problems.add(e.getMessage());
                }
            }
        }
    }

    /** Stops every live instance gracefully, as at the end of a working day. */
    void stopAll() throws InterruptedException {
        for (Instance instance : live()) {
            if (!instance.terminate(STOP_BOUND, Instance.End.STOPPED_AT_END)) {
                problems.add(instance.name + " did not stop within " + STOP_BOUND.toSeconds() + " s of SIGTERM at the end");
            }
        }
    }

    /** Kills whatever still runs (after a failure of the harness). */
    void killAll() {
        for (Instance instance : live()) {
            try {
                instance.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
    }

    /** Every instance's log tail, for failure messages. */
    String tails(int lines) {
        StringBuilder text = new StringBuilder();
        all.forEach(instance -> text.append(instance.tail(lines)));
        return text.toString();
    }

    private Duration since() {
        return Duration.between(origin, Instant.now());
    }
}
