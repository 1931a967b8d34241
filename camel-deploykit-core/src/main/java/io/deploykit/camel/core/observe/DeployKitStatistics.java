package io.deploykit.camel.core.observe;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.support.Failures;

/**
 * What one component has done and is doing: operations and deploys by outcome, the operations under way, the last
 * {@value #RECENT_DEPLOYS} deploys, waits for jobs, retries by status, token fetches and bytes uploaded. Made when
 * the component starts, fed by its producers, HTTP client, token cache, job poller and upload bodies; read by JMX,
 * the dev console and the {@link DeployKitListener}s it passes every event on to (for metrics).
 * <p>
 * The counters are {@link LongAdder}s: recording takes no lock, whatever the number of threads.
 */
public final class DeployKitStatistics {

    /** How many ended deploys are kept for the console. */
    public static final int RECENT_DEPLOYS = 50;

    private static final Logger LOG = LoggerFactory.getLogger(DeployKitStatistics.class);

    private final String component;
    private final List<DeployKitListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<String, RunningOperation> running = new ConcurrentHashMap<>();
    private final Map<Outcome, LongAdder> operations = adders();
    private final Map<Outcome, LongAdder> deploys = adders();
    private final ConcurrentMap<String, LongAdder> operationsByName = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> retries = new ConcurrentHashMap<>();
    private final LongAdder bytesUploaded = new LongAdder();
    private final LongAdder tokenFetches = new LongAdder();
    private final LongAdder tokenFailures = new LongAdder();
    private final AtomicInteger waitsInFlight = new AtomicInteger();
    private final Map<Outcome, LongAdder> jobWaits = adders();
    private final LongAdder jobWaitNanos = new LongAdder();
    private final LongAccumulator longestJobWaitNanos = new LongAccumulator(Math::max, 0);
    private final Deque<CompletedDeploy> recent = new ArrayDeque<>();

    /** @param component the component's scheme, such as {@code bc}: the {@code component} tag of every metric */
    public DeployKitStatistics(String component) {
        this.component = component;
    }

    private static Map<Outcome, LongAdder> adders() {
        Map<Outcome, LongAdder> map = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            map.put(outcome, new LongAdder());
        }
        return map;
    }

    public String component() {
        return component;
    }

    /** Passes every event from now on to the listener too. */
    public void addListener(DeployKitListener listener) {
        if (!listeners.contains(listener)) {
            listeners.add(listener);
        }
    }

    // recording

    /** An exchange's operation starts; {@link RunningOperation#end(Throwable)} ends it. */
    public RunningOperation begin(String exchangeId, String endpoint, String operation) {
        RunningOperation op = new RunningOperation(this, exchangeId, endpoint, operation);
        running.put(exchangeId, op);
        return op;
    }

    /** The operation under way for this exchange, or {@link RunningOperation#NONE}. */
    public RunningOperation running(String exchangeId) {
        RunningOperation op = exchangeId == null ? null : running.get(exchangeId);
        return op == null ? RunningOperation.NONE : op;
    }

    void completed(RunningOperation op, Throwable failure) {
        if (!running.remove(op.exchangeId(), op)) {
            return; // ended before
        }
        Outcome outcome = Outcome.of(failure);
        Duration duration = op.age();
        operations.get(outcome).increment();
        operationsByName.computeIfAbsent(op.operation() + " " + outcome.label(), key -> new LongAdder()).increment();
        tell(l -> l.operationCompleted(component, op.operation(), outcome, duration));
        if (op.isDeploy()) {
            deploys.get(outcome).increment();
            String error = failure == null ? null : abbreviate(Failures.unwrap(failure));
            CompletedDeploy done = new CompletedDeploy(op.what(), op.operation(), op.endpoint(), outcome, op.startedAt(),
                    duration, op.step(), error);
            synchronized (recent) {
                recent.addFirst(done);
                if (recent.size() > RECENT_DEPLOYS) {
                    recent.removeLast();
                }
            }
            tell(l -> l.deployCompleted(component, op.operation(), outcome, duration));
        }
    }

    /** A request is sent again after {@code reason}: an HTTP status, or {@code io} for a broken connection. */
    public void retried(String reason) {
        retries.computeIfAbsent(reason, key -> new LongAdder()).increment();
        tell(l -> l.retried(component, reason));
    }

    public void tokenFetched(Outcome outcome) {
        (outcome == Outcome.SUCCESS ? tokenFetches : tokenFailures).increment();
        tell(l -> l.tokenFetched(component, outcome));
    }

    public void uploaded(long bytes) {
        bytesUploaded.add(bytes);
        tell(l -> l.bytesUploaded(component, bytes));
    }

    public void jobWaitStarted() {
        waitsInFlight.incrementAndGet();
    }

    public void jobWaitCompleted(Outcome outcome, Duration duration) {
        waitsInFlight.decrementAndGet();
        jobWaits.get(outcome).increment();
        jobWaitNanos.add(duration.toNanos());
        longestJobWaitNanos.accumulate(duration.toNanos());
        tell(l -> l.jobWaitCompleted(component, outcome, duration));
    }

    /** The component started or stopped: listeners bind or unbind their gauges. */
    public void started() {
        tell(l -> l.componentStarted(this));
    }

    public void stopped() {
        tell(l -> l.componentStopped(this));
    }

    private void tell(Consumer<DeployKitListener> event) {
        for (DeployKitListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                // a broken metrics binding must not fail a deploy, nor flood the log of an I/O thread
                LOG.debug("DeployKit listener {} failed: {}", listener, e.toString());
            }
        }
    }

    private static String abbreviate(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() > 500 ? text.substring(0, 497) + "..." : text;
    }

    // reading

    /** The operations under way, oldest first. */
    private List<RunningOperation> running() {
        List<RunningOperation> list = new ArrayList<>(running.values());
        list.sort(Comparator.comparing(RunningOperation::startedAt));
        return list;
    }

    /** The deploys under way, oldest first. */
    public List<RunningOperation> deploysInFlight() {
        return running().stream().filter(RunningOperation::isDeploy).toList();
    }

    /** The last ended deploys, the latest first. */
    public List<CompletedDeploy> recentDeploys() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    public long operations(Outcome outcome) {
        return operations.get(outcome).sum();
    }

    public long deploys(Outcome outcome) {
        return deploys.get(outcome).sum();
    }

    /** Operations ended so far, by {@code "<operation> <outcome>"}, such as {@code "configurationPackage.deploy success"}. */
    public Map<String, Long> operationsByName() {
        Map<String, Long> map = new TreeMap<>();
        operationsByName.forEach((key, count) -> map.put(key, count.sum()));
        return map;
    }

    /** Requests sent again, by the status that refused them ({@code io}: a broken connection). */
    public Map<String, Long> retriesByReason() {
        Map<String, Long> map = new TreeMap<>();
        retries.forEach((reason, count) -> map.put(reason, count.sum()));
        return map;
    }

    public long retries() {
        return retries.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long bytesUploaded() {
        return bytesUploaded.sum();
    }

    /** Tokens obtained from the token endpoints. */
    public long tokenFetches() {
        return tokenFetches.sum();
    }

    /** Token requests that got no token, after their retries. */
    public long tokenFetchFailures() {
        return tokenFailures.sum();
    }

    public int waitsInFlight() {
        return waitsInFlight.get();
    }

    public int operationsInFlight() {
        return running.size();
    }

    public int deploysInFlightCount() {
        return (int) running.values().stream().filter(RunningOperation::isDeploy).count();
    }

    public long jobWaits(Outcome outcome) {
        return jobWaits.get(outcome).sum();
    }

    public long jobWaits() {
        return jobWaits.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Duration jobWaitTotal() {
        return Duration.ofNanos(jobWaitNanos.sum());
    }

    public Duration longestJobWait() {
        return Duration.ofNanos(longestJobWaitNanos.get());
    }
}
