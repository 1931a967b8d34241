package io.deploykit.camel.core.support;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.Endpoint;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;

import io.deploykit.camel.core.auth.TokenCache;
import io.deploykit.camel.core.http.ConcurrencyLimit;
import io.deploykit.camel.core.http.SharedHttpClients;
import io.deploykit.camel.core.observe.DeployKitListener;
import io.deploykit.camel.core.observe.DeployKitStatistics;
import io.deploykit.camel.core.observe.Outcome;
import io.deploykit.camel.core.poll.JobPoller;

/**
 * What the endpoints of one component share: the token cache, the scheduler that drives retries and job polls,
 * the small pool that continues exchanges off the HTTP I/O threads, and the statistics they all feed. Made in
 * {@link #doStart()}, released in {@link #doStop()}. Its endpoints are all made and checked alike, by
 * {@link #createEndpoint(String, String, Map)}. Its figures are the JMX attributes of each concrete component
 * (a {@code @ManagedResource}: Camel adds them to the component's MBean when camel-management is present).
 * <p>
 * A {@link HealthCheckComponent}, as Camel's own components are: {@code healthCheckProducerEnabled} turns its
 * endpoints' producer health checks off one component at a time.
 */
public abstract class DeployKitComponent extends HealthCheckComponent {

    private ScheduledExecutorService scheduler;
    private ExecutorService continuations;
    private TokenCache tokenCache;
    private JobPoller jobPoller;
    private DeployKitStatistics statistics;
    private final Map<String, ConcurrencyLimit> concurrencyLimits = new ConcurrentHashMap<>();
    private final SharedHttpClients httpClients = new SharedHttpClients();

    /**
     * A new endpoint on a copy of the component's configuration, for the resource the URI path names (convert it with
     * {@link OperationResolver#resource}); its options are set and checked afterwards.
     */
    protected abstract DeployKitEndpoint<?, ?> newEndpoint(String uri, String path) throws Exception;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DeployKitEndpoint<?, ?> endpoint = newEndpoint(uri, remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String name = getClass().getSimpleName().replace("Component", "");
        var executors = getCamelContext().getExecutorServiceManager();
        scheduler = executors.newScheduledThreadPool(this, name + "Scheduler", 1);
        continuations = executors.newDefaultThreadPool(this, name + "Continuation");
        statistics = new DeployKitStatistics(scheme());
        // listeners bound in the registry (a Spring bean adapting them to Micrometer, say) see every event
        getCamelContext().getRegistry().findByType(DeployKitListener.class).forEach(statistics::addListener);
        tokenCache = new TokenCache(scheduler, Clock.systemUTC(), statistics);
        jobPoller = new JobPoller(scheduler, Clock.systemUTC(), statistics);
        ServiceHelper.startService(tokenCache, jobPoller);
        statistics.started();
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(jobPoller); // ends the waits under way before their scheduler goes
        var executors = getCamelContext().getExecutorServiceManager();
        if (scheduler != null) {
            executors.shutdownNow(scheduler);
            scheduler = null;
        }
        if (continuations != null) {
            executors.shutdown(continuations);
            continuations = null;
        }
        ServiceHelper.stopService(tokenCache);
        if (statistics != null) {
            statistics.stopped(); // kept, so the figures stay readable after a stop
        }
        super.doStop();
    }

    /** The scheme the component is known by, from its {@code @Component} annotation: the tag of its metrics. */
    public String scheme() {
        String name = getDefaultName(); // Camel reads it from the annotation when the component is built
        return name != null ? name : getClass().getSimpleName().replace("Component", "").toLowerCase(Locale.ROOT);
    }

    /** The started components of {@code type} in the context (those with statistics), by their names there. */
    public static Map<String, DeployKitComponent> started(org.apache.camel.CamelContext camel,
                                                          Class<? extends DeployKitComponent> type) {
        Map<String, DeployKitComponent> found = new java.util.TreeMap<>();
        for (String name : camel.getComponentNames()) {
            if (camel.hasComponent(name) instanceof DeployKitComponent component && type.isInstance(component)
                && component.getStatistics() != null) {
                found.put(name, component);
            }
        }
        return found;
    }

    /** What the component has done and is doing; null before its first start. */
    public DeployKitStatistics getStatistics() {
        return statistics;
    }

    /**
     * The limit of requests on the wire at once for one user of the service, shared by every endpoint of the
     * component that acts as that user with the same maximum.
     */
    public ConcurrencyLimit concurrencyLimit(String user, int max) {
        return max == 0 ? ConcurrencyLimit.NONE
                : concurrencyLimits.computeIfAbsent(user + " max " + max, key -> new ConcurrencyLimit(max));
    }

    /** The HTTP clients its endpoints share, one per set of HTTP settings. */
    public SharedHttpClients httpClients() {
        return httpClients;
    }

    public ScheduledExecutorService getScheduler() {
        return scheduler;
    }

    public ExecutorService getContinuations() {
        return continuations;
    }

    public TokenCache getTokenCache() {
        return tokenCache;
    }

    public JobPoller getJobPoller() {
        return jobPoller;
    }

    // JMX: the figures of getStatistics(), zero before the first start

    @ManagedAttribute(description = "Operations that completed successfully")
    public long getOperationsSucceeded() {
        return count(s -> s.operations(Outcome.SUCCESS));
    }

    @ManagedAttribute(description = "Operations that failed")
    public long getOperationsFailed() {
        return count(s -> s.operations(Outcome.FAILURE));
    }

    @ManagedAttribute(description = "Operations interrupted by a stop (their work goes on on the server)")
    public long getOperationsInterrupted() {
        return count(s -> s.operations(Outcome.INTERRUPTED));
    }

    @ManagedAttribute(description = "Operations under way")
    public long getOperationsInFlight() {
        return count(DeployKitStatistics::operationsInFlight);
    }

    @ManagedAttribute(description = "Deploys (deploy, upload, picture update, extension create or update) that succeeded")
    public long getDeploysSucceeded() {
        return count(s -> s.deploys(Outcome.SUCCESS));
    }

    @ManagedAttribute(description = "Deploys that failed")
    public long getDeploysFailed() {
        return count(s -> s.deploys(Outcome.FAILURE));
    }

    @ManagedAttribute(description = "Deploys under way")
    public long getDeploysInFlight() {
        return count(DeployKitStatistics::deploysInFlightCount);
    }

    @ManagedAttribute(description = "The last deploy: file, operation, outcome, duration")
    public String getLastDeploy() {
        DeployKitStatistics stats = statistics;
        if (stats == null || stats.recentDeploys().isEmpty()) {
            return "";
        }
        var last = stats.recentDeploys().get(0);
        return last.what() + " " + last.operation() + " " + last.outcome().label() + " in " + last.duration().toMillis() + " ms";
    }

    @ManagedAttribute(description = "Waits for background jobs (import, apply, processing) under way")
    public long getWaitsInFlight() {
        return count(DeployKitStatistics::waitsInFlight);
    }

    @ManagedAttribute(description = "Waits for background jobs that ended")
    public long getJobWaits() {
        return count(DeployKitStatistics::jobWaits);
    }

    @ManagedAttribute(description = "Waits for background jobs that ran out of time")
    public long getJobWaitsTimedOut() {
        return count(s -> s.jobWaits(Outcome.TIMEOUT));
    }

    @ManagedAttribute(description = "The time all ended waits for background jobs took, in milliseconds")
    public long getJobWaitTotalMillis() {
        return count(s -> s.jobWaitTotal().toMillis());
    }

    @ManagedAttribute(description = "The longest wait for a background job, in milliseconds")
    public long getLongestJobWaitMillis() {
        return count(s -> s.longestJobWait().toMillis());
    }

    @ManagedAttribute(description = "Bytes of uploads sent (again for each retry that sent them again)")
    public long getBytesUploaded() {
        return count(DeployKitStatistics::bytesUploaded);
    }

    @ManagedAttribute(description = "Tokens obtained from the token endpoints")
    public long getTokenFetches() {
        return count(DeployKitStatistics::tokenFetches);
    }

    @ManagedAttribute(description = "Token requests that got no token, after their retries")
    public long getTokenFetchFailures() {
        return count(DeployKitStatistics::tokenFetchFailures);
    }

    @ManagedAttribute(description = "Requests sent again after a refusal or a broken connection")
    public long getRetries() {
        return count(DeployKitStatistics::retries);
    }

    @ManagedAttribute(description = "Requests sent again, by the HTTP status that refused them (io: a broken connection)")
    public String getRetriesByStatus() {
        DeployKitStatistics stats = statistics;
        return stats == null ? "" : stats.retriesByReason().toString();
    }

    private long count(java.util.function.ToLongFunction<DeployKitStatistics> figure) {
        DeployKitStatistics stats = statistics;
        return stats == null ? 0 : figure.applyAsLong(stats);
    }
}
