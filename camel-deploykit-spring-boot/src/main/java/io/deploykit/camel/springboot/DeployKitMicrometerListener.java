package io.deploykit.camel.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;

import io.deploykit.camel.core.observe.DeployKitListener;
import io.deploykit.camel.core.observe.DeployKitStatistics;
import io.deploykit.camel.core.observe.Outcome;

/**
 * The components' events as Micrometer meters, every one tagged with the component ({@code bc}, {@code reactor}):
 * <ul>
 * <li>{@code deploykit.operations} (counter; tags operation, outcome): every exchange's operation as it ends</li>
 * <li>{@code deploykit.deploys} (counter; tags operation, outcome): the operations that deploy a file</li>
 * <li>{@code deploykit.job.wait} (timer; tag outcome): how long waits for imports, applies and processing took</li>
 * <li>{@code deploykit.uploaded} (counter, bytes): upload bytes sent</li>
 * <li>{@code deploykit.retries} (counter; tag status): requests sent again, by the status that refused them</li>
 * <li>{@code deploykit.token.fetches} (counter; tag outcome): token requests</li>
 * <li>{@code deploykit.waits.active}, {@code deploykit.deploys.active} (gauges): waits and deploys in flight</li>
 * </ul>
 * In Prometheus: {@code deploykit_operations_total}, {@code deploykit_job_wait_seconds_count} ... The registry is
 * looked up once, when the first component starts, so the order of auto-configurations does not matter; without
 * one, nothing is recorded (and it is not looked up again on every event).
 */
public final class DeployKitMicrometerListener implements DeployKitListener {

    private final Supplier<MeterRegistry> registries;
    /** Null until looked up; then the registry, or empty when the application has none. */
    private volatile Optional<MeterRegistry> registry;
    private final Map<DeployKitStatistics, List<Meter>> gauges = new ConcurrentHashMap<>();
    /** The one meter the I/O threads touch per chunk: looked up once per component, not per chunk. */
    private final Map<String, Counter> uploaded = new ConcurrentHashMap<>();

    /** @param registries gives the application's registry, or null when it has none */
    public DeployKitMicrometerListener(Supplier<MeterRegistry> registries) {
        this.registries = registries;
    }

    private MeterRegistry registry() {
        Optional<MeterRegistry> known = registry;
        if (known == null) {
            known = Optional.ofNullable(registries.get());
            registry = known;
        }
        return known.orElse(null);
    }

    @Override
    public void componentStarted(DeployKitStatistics statistics) {
        MeterRegistry meters = registry();
        if (meters == null) {
            return;
        }
        String component = statistics.component();
        gauges.put(statistics, List.of(
                Gauge.builder("deploykit.waits.active", statistics, DeployKitStatistics::waitsInFlight)
                        .tag("component", component).description("Waits for background jobs under way").register(meters),
                Gauge.builder("deploykit.deploys.active", statistics, DeployKitStatistics::deploysInFlightCount)
                        .tag("component", component).description("Deploys under way").register(meters)));
    }

    @Override
    public void componentStopped(DeployKitStatistics statistics) {
        List<Meter> bound = gauges.remove(statistics);
        Optional<MeterRegistry> known = registry;
        MeterRegistry meters = known == null ? null : known.orElse(null);
        if (bound != null && meters != null) {
            bound.forEach(meters::remove); // a restarted component binds its new statistics
        }
    }

    @Override
    public void operationCompleted(String component, String operation, Outcome outcome, Duration duration) {
        MeterRegistry meters = registry();
        if (meters != null) {
            Counter.builder("deploykit.operations").description("Operations of DeployKit producers, as they end")
                    .tags("component", component, "operation", operation, "outcome", outcome.label())
                    .register(meters).increment();
        }
    }

    @Override
    public void deployCompleted(String component, String operation, Outcome outcome, Duration duration) {
        MeterRegistry meters = registry();
        if (meters != null) {
            Counter.builder("deploykit.deploys").description("Deploys of files (deploy, upload, picture update, extension create or update)")
                    .tags("component", component, "operation", operation, "outcome", outcome.label())
                    .register(meters).increment();
        }
    }

    @Override
    public void jobWaitCompleted(String component, Outcome outcome, Duration duration) {
        MeterRegistry meters = registry();
        if (meters != null) {
            Timer.builder("deploykit.job.wait").description("Waits for background jobs: import, apply, processing")
                    .tags("component", component, "outcome", outcome.label()).register(meters).record(duration);
        }
    }

    @Override
    public void retried(String component, String reason) {
        MeterRegistry meters = registry();
        if (meters != null) {
            Counter.builder("deploykit.retries").description("Requests sent again, by the HTTP status that refused them (io: a broken connection)")
                    .tags("component", component, "status", reason).register(meters).increment();
        }
    }

    @Override
    public void tokenFetched(String component, Outcome outcome) {
        MeterRegistry meters = registry();
        if (meters != null) {
            Counter.builder("deploykit.token.fetches").description("Requests for OAuth2 tokens")
                    .tags("component", component, "outcome", outcome.label()).register(meters).increment();
        }
    }

    @Override
    public void bytesUploaded(String component, long bytes) {
        MeterRegistry meters = registry();
        if (meters != null) {
            uploaded.computeIfAbsent(component, key -> Counter.builder("deploykit.uploaded").baseUnit(BaseUnits.BYTES)
                    .description("Bytes of uploads sent (again when a retry sends them again)").tag("component", key)
                    .register(meters)).increment(bytes);
        }
    }
}
