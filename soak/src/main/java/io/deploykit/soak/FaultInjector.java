package io.deploykit.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import io.deploykit.emulator.http.FaultKind;
import io.deploykit.emulator.http.FaultScope;
import io.deploykit.emulator.http.Faults;
import io.deploykit.emulator.http.PendingFault;

/**
 * Injects faults through the emulators while files are dropped, so that about {@code faultRate} of all requests
 * are hit: refusals (429 with Retry-After, 503 with and without), slow answers, connections dropped before the
 * service acted (on any request, and on each action that must not be repeated), and on those actions (creates,
 * imports, applies, Reactor uploads and releases) gateway errors and dropped connections after the service acted.
 * Every access token is expired now and then, and Reactor processing is made to fail or held pending. Once, with
 * files in flight, PostgreSQL (locks and deploy records) is stopped for {@link #databaseOutage} and started again on
 * the same data and port, as a restart or a failover would: before the first kill or restart, so that no instance
 * starts while it is down (an instance refuses to start without its database).
 * <p>
 * Each kind and target (a "slot") has at most one fault pending at a time, so no request meets a train of faults;
 * a slot is refilled once its fault was used up and the share of faulted requests is below the target. What was
 * injected is counted per slot: what was added less what is still pending.
 */
final class FaultInjector {

    private static final Duration TICK = Duration.ofMillis(100);
    static final String PROCESSING_FAILURE = "soak: processing failure injected";

    /** One kind of fault on one kind of request of one service. */
    static final class Slot {
        final String service;
        final String kind;
        final String target;
        final Faults faults;
        final String method;
        final String pathRegex;
        final FaultKind faultKind;
        final Integer retryAfter;
        final Duration delay;
        long added;
        long remainingAtEnd;

        Slot(String service, String kind, String target, Faults faults, String method, String pathRegex,
             FaultKind faultKind, Integer retryAfter, Duration delay) {
            this.service = service;
            this.kind = kind;
            this.target = target;
            this.faults = faults;
            this.method = method;
            this.pathRegex = pathRegex;
            this.faultKind = faultKind;
            this.retryAfter = retryAfter;
            this.delay = delay;
        }

        boolean isPending(List<PendingFault> pending) {
            return remaining(pending) > 0;
        }

        long remaining(List<PendingFault> pending) {
            return pending.stream().filter(this::describes).mapToLong(PendingFault::remaining).sum();
        }

        private boolean describes(PendingFault fault) {
            boolean sameRequests = method == null ? fault.method().equals("*")
                    : fault.method().equals(method) && fault.pathRegex().equals(pathRegex);
            return sameRequests && fault.kind() == faultKind && Objects.equals(fault.retryAfterSeconds(), retryAfter)
                   && Objects.equals(fault.delay(), delay);
        }

        void add() {
            FaultScope scope = method == null ? null : faults.matching(method, pathRegex);
            switch (faultKind) {
                case RATE_LIMIT -> {
                    if (scope == null) faults.rateLimit(1, retryAfter); else scope.rateLimit(1, retryAfter);
                }
                case SERVICE_UNAVAILABLE -> {
                    if (scope == null) faults.serviceUnavailable(1, retryAfter); else scope.serviceUnavailable(1, retryAfter);
                }
                case SLOW -> {
                    if (scope == null) faults.slow(1, delay); else scope.slow(1, delay);
                }
                case DROP_CONNECTION -> {
                    if (scope == null) faults.dropConnection(1); else scope.dropConnection(1);
                }
                case GATEWAY_TIMEOUT_AFTER_ACTING -> scope.gatewayTimeoutAfterActing(1);
                case BAD_GATEWAY_AFTER_ACTING -> scope.badGatewayAfterActing(1);
                case DROP_AFTER_ACTING -> scope.dropAfterActing(1);
            }
            added++;
        }

        long injected() {
            return added - remainingAtEnd;
        }
    }

    private final Services services;
    private final SoakSettings settings;
    private final List<Slot> slots = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;
    private int next;
    private int tokenExpiries;
    private int processingFailures;
    private int processingHolds;
    private int databaseOutages;
    private Duration databaseDown = Duration.ZERO;
    private final List<String> problems = new ArrayList<>();

    FaultInjector(Services services, SoakSettings settings) {
        this.services = services;
        this.settings = settings;
        Faults bc = services.bc.faults();
        Faults reactor = services.reactor.faults();
        for (var service : List.of(Map.entry("Business Central", bc), Map.entry("Reactor", reactor))) {
            String name = service.getKey();
            Faults faults = service.getValue();
            slots.add(new Slot(name, "429 Too Many Requests with Retry-After: 1", "any request", faults, null, null,
                    FaultKind.RATE_LIMIT, 1, null));
            slots.add(new Slot(name, "503 Service Unavailable with Retry-After: 1", "any request", faults, null, null,
                    FaultKind.SERVICE_UNAVAILABLE, 1, null));
            slots.add(new Slot(name, "503 Service Unavailable without Retry-After", "any request", faults, null, null,
                    FaultKind.SERVICE_UNAVAILABLE, null, null));
            slots.add(new Slot(name, "connection dropped before the service acted", "any request", faults, null, null,
                    FaultKind.DROP_CONNECTION, null, null));
            slots.add(new Slot(name, "slow answer (1.5 s)", "any request", faults, null, null, FaultKind.SLOW, null,
                    Duration.ofMillis(1500)));
        }
        Map<String, String[]> actions = new LinkedHashMap<>();
        actions.put("package creates", new String[] {"Business Central", "POST", ".*/configurationPackages"});
        actions.put("imports", new String[] {"Business Central", "POST", ".*/Microsoft\\.NAV\\.import"});
        actions.put("applies", new String[] {"Business Central", "POST", ".*/Microsoft\\.NAV\\.apply"});
        actions.put("app installs", new String[] {"Business Central", "POST", ".*/apps/pteInstall"});
        actions.put("extension uploads", new String[] {"Reactor", "POST", "/extension_packages"});
        actions.put("releases", new String[] {"Reactor", "PATCH", "/extension_packages/[^/]+"});
        actions.forEach((target, request) -> {
            Faults faults = request[0].equals("Reactor") ? reactor : bc;
            slots.add(new Slot(request[0], "504 Gateway Timeout after the service acted", target, faults, request[1],
                    request[2], FaultKind.GATEWAY_TIMEOUT_AFTER_ACTING, null, null));
            slots.add(new Slot(request[0], "502 Bad Gateway after the service acted", target, faults, request[1],
                    request[2], FaultKind.BAD_GATEWAY_AFTER_ACTING, null, null));
            slots.add(new Slot(request[0], "connection dropped after the service acted", target, faults, request[1],
                    request[2], FaultKind.DROP_AFTER_ACTING, null, null));
            slots.add(new Slot(request[0], "connection dropped before the service acted", target, faults, request[1],
                    request[2], FaultKind.DROP_CONNECTION, null, null));
        });
    }

    /** Starts injecting; the job and processing faults are spread over {@code phase}. */
    void start(Duration phase) {
        running.set(true);
        thread = new Thread(() -> run(phase), "soak-faults");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Duration phase) {
        long started = System.nanoTime();
        long nextExpiry = settings.tokenExpiryEvery().toNanos();
        List<Long> failuresAt = spread(settings.processingFailures(), phase);
        List<Long> holdsAt = spread(settings.processingHolds(), phase);
        long holdEndsAt = -1;
        long outageAt = outageStart(settings).toNanos();
        long outageEndsAt = -1;
        long outageStarted = 0;
        while (running.get()) {
            long now = System.nanoTime() - started;
            try {
                refill();
                if (now >= nextExpiry) {
                    services.bc.faults().expireAllTokens();
                    services.reactor.faults().expireAllTokens();
                    tokenExpiries++;
                    nextExpiry += settings.tokenExpiryEvery().toNanos();
                }
                if (!failuresAt.isEmpty() && now >= failuresAt.get(0)) {
                    failuresAt.remove(0);
                    services.reactor.faults().failNextProcessing(PROCESSING_FAILURE);
                    processingFailures++;
                }
                if (!holdsAt.isEmpty() && now >= holdsAt.get(0)) {
                    holdsAt.remove(0);
                    services.reactor.faults().stickProcessing(true);
                    processingHolds++;
                    holdEndsAt = now + Duration.ofSeconds(3).toNanos();
                }
                if (outageAt >= 0 && now >= outageAt) {
                    outageAt = -1;
                    outageStarted = System.nanoTime();
                    services.stopDatabase();
                    outageEndsAt = now + databaseOutage(settings).toNanos();
                }
                if (outageEndsAt > 0 && now >= outageEndsAt) {
                    outageEndsAt = -1;
                    services.startDatabase();
                    databaseDown = Duration.ofNanos(System.nanoTime() - outageStarted);
                    databaseOutages++;
                }
                if (holdEndsAt > 0 && now >= holdEndsAt) {
                    services.reactor.faults().stickProcessing(false);
                    holdEndsAt = -1;
                }
            } catch (RuntimeException | java.io.IOException e) {
                synchronized (problems) {
                    problems.add(e.toString());
                }
            }
            Await.sleep(TICK);
        }
        services.reactor.faults().stickProcessing(false);
        if (outageEndsAt > 0) { // stopped mid-outage: the database comes back for the checks that follow
            try {
                services.startDatabase();
                databaseDown = Duration.ofNanos(System.nanoTime() - outageStarted);
                databaseOutages++;
            } catch (java.io.IOException | RuntimeException e) {
                synchronized (problems) {
                    problems.add("PostgreSQL did not start again: " + e);
                }
            }
        }
    }

    /**
     * How long the database is down: 20 s in a full run; in a shorter one an eighth of its drops, and always well
     * within the time before the first kill or restart.
     */
    static Duration databaseOutage(SoakSettings settings) {
        Duration outage = Duration.ofSeconds(20);
        for (Duration bound : List.of(settings.dropPhase().dividedBy(8), firstStrike(settings).multipliedBy(6).dividedBy(10))) {
            outage = bound.compareTo(outage) < 0 ? bound : outage;
        }
        return outage;
    }

    /** When the outage starts: in the middle of the time before the first kill or restart. */
    static Duration outageStart(SoakSettings settings) {
        return firstStrike(settings).minus(databaseOutage(settings)).dividedBy(2);
    }

    /** The kills and restarts are spread evenly over the drops (see Soak): the first comes after this. */
    private static Duration firstStrike(SoakSettings settings) {
        return settings.dropPhase().dividedBy(settings.kills() + settings.restarts() + 1);
    }

    private static List<Long> spread(int count, Duration phase) {
        List<Long> at = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            at.add(phase.toNanos() * (i + 1) / (count + 1));
        }
        return at;
    }

    /**
     * Adds faults, one per free slot in turn, while the share of a service's requests that were faulted is below the
     * target: each service on its own, so that the few requests of one are not hit for the many of the other.
     */
    private void refill() {
        refill(services.bc.faults(), requests(services.bc.requestCounts()));
        refill(services.reactor.faults(), requests(services.reactor.requestCounts()));
    }

    private void refill(Faults faults, long requests) {
        List<PendingFault> pending = faults.pending();
        // pending faults (at most one per slot) hit soon: they are not counted, or the slots would starve each other
        long faulted = faults.injectedCount();
        long wanted = (long) Math.floor(settings.faultRate() * requests);
        for (int tried = 0; tried < slots.size() && faulted < wanted; tried++) {
            Slot slot = slots.get(next);
            next = (next + 1) % slots.size();
            if (slot.faults == faults && !slot.isPending(pending)) {
                slot.add();
                faulted++;
            }
        }
    }

    private static long requests(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Stops adding faults; those pending may still hit. */
    void stop() throws InterruptedException {
        running.set(false);
        if (thread != null) {
            thread.join(10_000);
        }
    }

    /** Counts what is still pending (not injected), then removes it. Call once the instances are done. */
    void settle() {
        List<PendingFault> bcPending = services.bc.faults().pending();
        List<PendingFault> reactorPending = services.reactor.faults().pending();
        for (Slot slot : slots) {
            slot.remainingAtEnd = slot.remaining(slot.faults == services.bc.faults() ? bcPending : reactorPending);
        }
    }

    /** Requests answered 401: those that carried a token expired by {@link Faults#expireAllTokens()}. */
    long unauthorizedAnswers() {
        return services.bc.requests().stream().filter(r -> r.status() == 401).count()
               + services.reactor.requests().stream().filter(r -> r.status() == 401).count();
    }

    List<Slot> slots() {
        return List.copyOf(slots);
    }

    int tokenExpiries() {
        return tokenExpiries;
    }

    int processingFailures() {
        return processingFailures;
    }

    int processingHolds() {
        return processingHolds;
    }

    int databaseOutages() {
        return databaseOutages;
    }

    /** How long the database was down in all, from its stop to its start (both included). */
    Duration databaseDown() {
        return databaseDown;
    }

    List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }
}
