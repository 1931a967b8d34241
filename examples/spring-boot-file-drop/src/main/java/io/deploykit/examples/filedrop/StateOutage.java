package io.deploykit.examples.filedrop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;


import io.deploykit.camel.core.support.Failures;

/**
 * A database outage (or a state folder that cannot be written) is not a bad file. When the deploys' records or the
 * inbox locks cannot be reached, the files under way stay in the inbox (their routes leave them there, as a stop
 * does), the inboxes stop polling, and a probe reads the state repository every {@link #PROBE_EVERY} until it answers;
 * then the inboxes poll again and the files continue from the step their deploys had recorded. One WARN when the
 * outage starts, one INFO when it ends; health shows {@code stateRepository} DOWN meanwhile.
 */
@Component("stateRepositoryHealthIndicator")
class StateOutage implements HealthIndicator, DisposableBean {

    static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    /** Calls that were under way when the repository came back may still fail: part of the same outage in the log. */
    private static final Duration SETTLING = Duration.ofMinutes(1);
    /** The key the probe reads: never written, so any answer (none) proves the repository answers. */
    private static final String PROBE_KEY = "deploykit-probe";
    private static final Logger LOG = LoggerFactory.getLogger(StateOutage.class);

    private final CamelContext camel;
    private final StateRepository<String, String> deployStates;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Outage> outage = new AtomicReference<>();
    private final Queue<Runnable> afterOutage = new ConcurrentLinkedQueue<>();
    private volatile ScheduledExecutorService probes;
    private volatile Instant lastEnded;

    private record Outage(Instant since, String reason) {
    }

    StateOutage(CamelContext camel, StateRepository<String, String> deployStates) {
        this.camel = camel;
        this.deployStates = deployStates;
    }

    /** Whether an outage is under way. */
    boolean isOngoing() {
        return outage.get() != null;
    }

    /**
     * The state repository or the locks failed: the first failure of an outage logs it, suspends the inboxes and
     * starts probing; the next ones only add to it.
     */
    void failed(Throwable failure) {
        Outage started = new Outage(clock.instant(), Failures.message(Failures.unwrap(failure)));
        if (!outage.compareAndSet(null, started)) {
            LOG.debug("The state repository is still unavailable: {}", started.reason());
            return;
        }
        Instant ended = lastEnded;
        if (ended != null && Duration.between(ended, started.since()).compareTo(SETTLING) < 0) {
            LOG.info("The state repository failed again just after its outage ({}): the inboxes wait until it answers",
                    started.reason());
        } else {
            LOG.warn("The state repository (the cluster database, or the state folder) is unavailable: {}. The files"
                     + " under way stay in the inbox, the inboxes wait, and it is checked every {} s; the deploys"
                     + " continue once it answers", started.reason(), PROBE_EVERY.toSeconds());
        }
        inboxes().forEach(route -> ServiceHelper.suspendService(route.getConsumer()));
        scheduleProbe();
    }

    /** Runs {@code action} once the outage is over (at once when there is none), such as the release of a lock. */
    void afterOutage(Runnable action) {
        afterOutage.add(action);
        if (!isOngoing()) {
            runAfterOutage();
        }
    }

    private void scheduleProbe() {
        try {
            probes().schedule(this::probe, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException stopping) {
            LOG.debug("No probe of the state repository: stopping");
        }
    }

    private void probe() {
        try {
            deployStates.getState(PROBE_KEY);
        } catch (RuntimeException stillDown) {
            LOG.debug("The state repository is still unavailable: {}", stillDown.getMessage());
            scheduleProbe();
            return;
        }
        Outage ended = outage.getAndSet(null);
        if (ended == null) {
            return;
        }
        lastEnded = clock.instant();
        runAfterOutage();
        LOG.info("The state repository answers again after {} s: the inboxes resume, and the files left in them continue"
                 + " their deploys", Duration.between(ended.since(), clock.instant()).toSeconds());
        inboxes().forEach(route -> ServiceHelper.resumeService(route.getConsumer()));
    }

    private void runAfterOutage() {
        for (Runnable action = afterOutage.poll(); action != null; action = afterOutage.poll()) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("After the state repository's outage: {}", e.getMessage());
            }
        }
    }

    private List<Route> inboxes() {
        return InboxCheck.FOLDERS.stream().map(camel::getRoute).filter(route -> route != null).toList();
    }

    private synchronized ScheduledExecutorService probes() {
        if (probes == null) {
            probes = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "StateRepositoryProbe");
        }
        return probes;
    }

    @Override
    public Health health() {
        Outage now = outage.get();
        return now == null ? Health.up().build()
                : Health.down().withDetail("reason", "The state repository (the cluster database, or the state folder)"
                                                     + " is unavailable since " + now.since() + ": " + now.reason()).build();
    }

    @Override
    public synchronized void destroy() {
        if (probes != null) {
            camel.getExecutorServiceManager().shutdownNow(probes);
            probes = null;
        }
    }
}
