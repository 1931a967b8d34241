package io.deploykit.camel.core.support;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.builder.ThreadPoolBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

import io.deploykit.camel.core.auth.Authenticator;
import io.deploykit.camel.core.auth.ClientCredentials;
import io.deploykit.camel.core.auth.StaticAuthenticator;
import io.deploykit.camel.core.config.DeployKitConfiguration;
import io.deploykit.camel.core.health.DeployKitProducerHealthCheck;
import io.deploykit.camel.core.http.ApiClient;
import io.deploykit.camel.core.http.ErrorDecoder;
import io.deploykit.camel.core.http.HttpTransport;
import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.poll.JobPoller;

/**
 * An endpoint with its own HTTP transport (its own pool, proxy and TLS settings), opened in {@link #doStart()} and
 * closed in {@link #doStop()}, and an {@link ApiClient} that authenticates with the component's shared tokens.
 * Asynchronous: its producers hold no thread while a request or a job is under way, so the component metadata says
 * {@code "async": true}.
 * <p>
 * It works on one resource (the URI path) with the operations that resource declares; {@link #operation(Exchange)}
 * reads the operation of an exchange.
 */
public abstract class DeployKitEndpoint<R extends Enum<R> & DeployKitResource<O>, O extends Enum<O> & DeployKitOperation>
        extends DefaultEndpoint implements AsyncEndpoint {

    /** Threads of the journal's calls: a deploy makes one call at a time, and a few deploys run at once. */
    private static final int JOURNAL_THREADS = 2;

    private final OperationResolver<R, O> operations;
    private HttpTransport transport;
    private ApiClient apiClient;
    private DeployJournal journal = DeployJournal.NONE;
    private ExecutorService journalCalls;
    private WritableHealthCheckRepository healthChecks;
    private volatile DeployKitProducerHealthCheck healthCheck;

    protected DeployKitEndpoint(String uri, Component component, OperationResolver<R, O> operations) {
        super(uri, component);
        this.operations = operations;
    }

    public abstract DeployKitConfiguration getConfiguration();

    /** What the endpoint works on: the URI path; null when the URI names none (refused by {@link #validate()}). */
    public abstract R getResource();

    /** The {@code operation} option. */
    protected abstract O operationOption();

    /** The component's own rules on its options, checked after those all components share. */
    protected abstract void validateOptions();

    /** The operation of one exchange: its operation header when present, else the option; one of the resource's. */
    public O operation(Exchange exchange) {
        return operations.resolve(exchange, getResource(), operationOption());
    }

    /**
     * Checks the options when the endpoint is created, so that a mistake fails the route at start-up with the option
     * named: the resource and operation, baseUrl and the shared rules, then {@link #validateOptions()}.
     */
    void validate() {
        operations.validate(getResource(), operationOption());
        if (ObjectHelper.isEmpty(getConfiguration().getBaseUrl())) {
            throw new IllegalArgumentException("The baseUrl option must not be empty");
        }
        getConfiguration().validate();
        validateOptions();
    }

    /** Reads the service's error bodies. */
    protected abstract ErrorDecoder errorDecoder();

    /** How requests authenticate; see {@link #clientCredentialsOrToken(String, String)}. */
    protected abstract Authenticator authenticator();

    /** The User-Agent to send, such as {@code DeployKit-bc/0.1}. */
    protected abstract String userAgent();

    /**
     * What this endpoint deploys to, in words that tell targets apart (service, tenant, company ...): the journal
     * keeps the progress of the same file deployed to two targets apart.
     */
    protected abstract String deployTarget();

    @Override
    public DeployKitComponent getComponent() {
        return (DeployKitComponent) super.getComponent();
    }

    /**
     * The health check's cheap read: proves that a token can be had and that the service answers, such as one page of
     * one entity. Its retries must not outlast {@code deadline}.
     */
    protected abstract CompletableFuture<?> healthProbe(Instant deadline);

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the component's client for these settings: endpoints differing only in what they address share one pool
        transport = getComponent().httpClients().open(getConfiguration().httpSettings(getCamelContext(), userAgent()));
        apiClient = new ApiClient(transport, authenticator(), getConfiguration().retryPolicy(), errorDecoder(),
                getComponent().getScheduler(), getComponent().getStatistics(),
                getComponent().concurrencyLimit(user(), getConfiguration().getMaxConcurrentRequests()));
        registerHealthCheck();
        StateRepository<String, String> states = getConfiguration().getStateRepository();
        if (states != null) {
            ServiceHelper.startService(states);
            // the repository blocks (JDBC, files): never on the HTTP client's I/O threads, which carry every request,
            // token fetch and health probe of the endpoint; the queue is unbounded, a call queued too long is dropped
            journalCalls = new ThreadPoolBuilder(getCamelContext()).poolSize(JOURNAL_THREADS).maxPoolSize(JOURNAL_THREADS)
                    .maxQueueSize(Integer.MAX_VALUE).rejectedPolicy(ThreadPoolRejectedPolicy.Abort)
                    .build(this, getComponent().scheme() + "Journal");
            journal = new DeployJournal(states, deployTarget(), Clock.systemUTC(), journalCalls,
                    Duration.ofMillis(getConfiguration().getStateRepositoryTimeout()));
        }
    }

    /** In Camel's {@code producers} repository, as Camel's own components do; absent without camel-health. */
    private void registerHealthCheck() {
        healthChecks = HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        healthCheck = new DeployKitProducerHealthCheck("producer:" + getComponent().scheme() + "-" + getId(),
                deployTarget(), this::healthProbe, Duration.ofMillis(getConfiguration().getHealthCheckInterval()));
        healthCheck.setEnabled(getComponent().isHealthCheckProducerEnabled());
        if (healthChecks != null) {
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
        }
        healthChecks = null;
        if (transport != null) {
            transport.close();
            transport = null;
        }
        apiClient = null;
        journal = DeployJournal.NONE; // the repository belongs to whoever configured it: not stopped here
        if (journalCalls != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(journalCalls); // a call stuck in a dead database
            journalCalls = null;
        }
        super.doStop();
    }

    public ApiClient getApiClient() {
        return apiClient;
    }

    /** Where deploys record their progress; {@link DeployJournal#NONE} without a state repository. */
    public DeployJournal getJournal() {
        return journal;
    }

    public JobPoller getJobPoller() {
        return getComponent().getJobPoller();
    }

    /** The endpoint's producer health check, made at start (whether or not a repository holds it); null before. */
    public DeployKitProducerHealthCheck getHealthCheck() {
        return healthCheck;
    }

    // JMX: the endpoint's part; the component's MBean has the figures

    @ManagedAttribute(description = "What the endpoint deploys to (service, tenant, company ...)")
    public String getTarget() {
        return deployTarget();
    }

    @ManagedAttribute(description = "The state the producer health check found last: UP, DOWN, or UNKNOWN before its first probe")
    public String getHealthState() {
        DeployKitProducerHealthCheck.Probe last = healthCheck == null ? null : healthCheck.lastProbe();
        return last == null ? "UNKNOWN" : last.state().name();
    }

    @ManagedAttribute(description = "Why the producer health check found the service DOWN; empty when UP")
    public String getHealthReason() {
        DeployKitProducerHealthCheck.Probe last = healthCheck == null ? null : healthCheck.lastProbe();
        return last == null || last.reason() == null ? "" : last.reason();
    }

    @ManagedAttribute(description = "When the producer health check last called the service (ISO-8601), empty before")
    public String getHealthCheckedAt() {
        DeployKitProducerHealthCheck.Probe last = healthCheck == null ? null : healthCheck.lastProbe();
        return last == null ? "" : last.at().toString();
    }

    /**
     * Who the requests act as, for the limit of requests at once: a service counts its limits per user. Only used as
     * a key in memory, never shown.
     */
    private String user() {
        DeployKitConfiguration config = getConfiguration();
        if (ObjectHelper.isNotEmpty(config.getAccessToken())) {
            return "token " + config.getAccessToken().hashCode();
        }
        if (config.hasClientCredentials()) {
            return "client " + config.getClientId() + " at " + config.getTokenUrl();
        }
        return "user " + basicUser() + " at " + config.getBaseUrl();
    }

    /** The user name of Basic authentication, for components that have it; null otherwise. */
    protected String basicUser() {
        return null;
    }

    /**
     * A ready access token when one is configured, else the cached client credentials flow, else null (the caller
     * decides: another scheme, or an error).
     */
    protected Authenticator clientCredentialsOrToken(String tokenUrl, String scope) {
        DeployKitConfiguration config = getConfiguration();
        if (ObjectHelper.isNotEmpty(config.getAccessToken())) {
            return StaticAuthenticator.bearer(config.getAccessToken());
        }
        if (config.hasClientCredentials()) {
            ClientCredentials credentials = ClientCredentials.of(URI.create(tokenUrl), config.getClientId(),
                    config.getClientSecret(), scope);
            return getComponent().getTokenCache().forCredentials(credentials, config.getClientSecret(),
                    config.retryPolicy());
        }
        return null;
    }
}
