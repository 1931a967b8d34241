package io.deploykit.camel.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The producer health check of one endpoint, in Camel's {@code producers} repository as Camel's own components have
 * theirs (so it runs only when producer checks are turned on: {@code camel.health.producersEnabled=true}). It proves
 * that a token can be had and makes one cheap read of the service, at most once per {@code healthCheckInterval}:
 * between two probes it reports the last result, so a health endpoint polled every second costs the service one
 * request a minute. DOWN comes with a reason naming the cause (see {@link HealthReason}), never a secret.
 * <p>
 * A probe that has no answer within {@value #PROBE_TIMEOUT_SECONDS} seconds is reported DOWN (timeout); it is not
 * a liveness check: a service refusing us is no reason to restart this process.
 */
public final class DeployKitProducerHealthCheck extends AbstractHealthCheck {

    static final long PROBE_TIMEOUT_SECONDS = 10;

    /** The details a result carries besides Camel's own. */
    public static final String REASON = "reason";
    public static final String TARGET = "target";
    public static final String CHECKED_AT = "checked.at";

    private final String target;
    private final Function<Instant, CompletableFuture<?>> probe;
    private final Duration interval;
    private final ReentrantLock probing = new ReentrantLock();
    private volatile Probe last;

    /**
     * @param id       the check's id, such as {@code producer:bc-endpoint3}
     * @param target   what the endpoint talks to, in words without secrets (shown as a detail)
     * @param probe    makes the cheap read (with a token); its argument is the deadline its retries must not outlast
     * @param interval the least time between two probes
     */
    public DeployKitProducerHealthCheck(String id, String target, Function<Instant, CompletableFuture<?>> probe,
                                        Duration interval) {
        super("camel", id);
        this.target = target;
        this.probe = probe;
        this.interval = interval;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /** The outcome of one probe: what every check reports until the interval has passed. */
    public record Probe(HealthCheck.State state, String reason, Integer statusCode, String errorCode, Throwable error,
                        Instant at, long atNanos) {
    }

    /** The last probe's result, or null before the first: for JMX and consoles, without probing. */
    public Probe lastProbe() {
        return last;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Probe result = current();
        builder.detail(TARGET, target);
        builder.detail(CHECKED_AT, result.at().toString());
        if (result.state() == HealthCheck.State.UP) {
            builder.up();
            return;
        }
        builder.detail(REASON, result.reason());
        builder.message(result.reason());
        if (result.statusCode() != null) {
            builder.detail(SERVICE_STATUS_CODE, result.statusCode());
        }
        if (result.errorCode() != null) {
            builder.detail(SERVICE_ERROR_CODE, result.errorCode());
        }
        if (result.error() != null) {
            builder.error(result.error());
        }
        builder.down();
    }

    /** The last probe while it is younger than the interval, else a new one (one at a time: others wait for it). */
    private Probe current() {
        Probe known = last;
        if (fresh(known)) {
            return known;
        }
        probing.lock();
        try {
            known = last;
            if (fresh(known)) {
                return known; // another caller probed while this one waited
            }
            Probe probed = probe();
            last = probed;
            return probed;
        } finally {
            probing.unlock();
        }
    }

    private boolean fresh(Probe probe) {
        return probe != null && System.nanoTime() - probe.atNanos() < interval.toNanos();
    }

    private Probe probe() {
        Instant at = Instant.now();
        long atNanos = System.nanoTime();
        Instant deadline = at.plusSeconds(PROBE_TIMEOUT_SECONDS);
        try {
            probe.apply(deadline).get(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Probe(HealthCheck.State.UP, null, null, null, null, at, atNanos);
        } catch (TimeoutException e) {
            return new Probe(HealthCheck.State.DOWN, "timeout: no answer within " + PROBE_TIMEOUT_SECONDS + " s", null,
                    null, null, at, atNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(HealthCheck.State.UNKNOWN, "interrupted while probing", null, null, null, at, atNanos);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            HealthReason reason = HealthReason.of(cause);
            return new Probe(HealthCheck.State.DOWN, reason.text(), reason.statusCode(), reason.errorCode(), cause, at,
                    atNanos);
        }
    }
}
