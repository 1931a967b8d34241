package io.deploykit.camel.bc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.auth.Authenticator;
import io.deploykit.camel.core.auth.StaticAuthenticator;
import io.deploykit.camel.core.http.ErrorDecoder;
import io.deploykit.camel.core.support.DeployKitEndpoint;
import io.deploykit.camel.core.support.OperationResolver;

/**
 * Deploy RapidStart configuration packages, pictures and apps (per-tenant extensions) to Microsoft Dynamics 365
 * Business Central.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "bc", title = "Business Central", syntax = "bc:resource",
             producerOnly = true, category = { Category.CLOUD, Category.API }, headersClass = BcConstants.class)
@ManagedResource(description = "Business Central endpoint: its target and the state of its producer health check")
public class BcEndpoint extends DeployKitEndpoint<BcResource, BcOperation> {

    static final OperationResolver<BcResource, BcOperation> OPERATIONS = new OperationResolver<>("bc", BcResource.class,
            BcOperation.class, BcConstants.OPERATION);

    /** Where waits report the statuses of the jobs they follow. */
    private static final Logger JOB_LOG = LoggerFactory.getLogger(ConfigurationPackageJob.class);

    @UriPath(description = "What to work on: configurationPackage (RapidStart packages), picture (pictures of items,"
                           + " customers, vendors, employees, contacts), app (apps, per-tenant extensions, through"
                           + " the admin center API) or company (the environment's companies)")
    @Metadata(required = true)
    private BcResource resource;
    @UriParam
    private BcConfiguration configuration;

    private BcApi api;
    private AdminCenterApi adminApi;
    private PackagePolls packagePolls;
    private PackageLookups packageLookups;
    private CompletableFuture<String> companyId;

    public BcEndpoint(String uri, BcComponent component, BcResource resource, BcConfiguration configuration) {
        super(uri, component, OPERATIONS);
        this.resource = resource;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return switch (resource) {
            case picture -> new PictureProducer(this);
            case app -> new AppProducer(this);
            case configurationPackage -> new ConfigurationPackageProducer(this);
            case company -> new CompanyProducer(this);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The bc component only sends: use it in to(), not in from()");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        api = new BcApi(getApiClient(), serviceRoot());
        adminApi = new AdminCenterApi(getApiClient(), adminRoot());
        packagePolls = new PackagePolls(api, Clock.systemUTC());
        packageLookups = new PackageLookups(api);
    }

    @Override
    protected void doStop() throws Exception {
        api = null;
        adminApi = null;
        packagePolls = null;
        packageLookups = null;
        synchronized (this) {
            companyId = null;
        }
        super.doStop();
    }

    @Override
    public BcResource getResource() {
        return resource;
    }

    public void setResource(BcResource resource) {
        this.resource = resource;
    }

    @Override
    public BcConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(BcConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected BcOperation operationOption() {
        return configuration.getOperation();
    }

    @Override
    protected void validateOptions() {
        BcEndpointValidation.validate(configuration, resource);
    }

    BcApi api() {
        return api;
    }

    /** The admin center API of the environment: apps. */
    AdminCenterApi adminApi() {
        return adminApi;
    }

    /** Reads the packages whose jobs are waited for, sharing requests between waits in one company. */
    PackagePolls packagePolls() {
        return packagePolls;
    }

    /** Finds packages by code, sharing one list request between lookups that arrive together in one company. */
    PackageLookups packageLookups() {
        return packageLookups;
    }

    /**
     * Waits for the package's import or apply to finish, polling every pollInterval until timeout; polls of waits in
     * one company share their requests (see {@link PackagePolls}).
     */
    CompletableFuture<ConfigurationPackage> awaitJob(String company, ConfigurationPackage pkg, ConfigurationPackageJob job) {
        Duration interval = Duration.ofMillis(configuration.getPollInterval());
        PackagePolls.Watch watch = packagePolls.watch(company, pkg.getId(), interval);
        try {
            return getJobPoller().await(job.name() + " of configuration package " + pkg.getCode(), company, watch::read, job,
                    interval, Duration.ofMillis(configuration.getTimeout()), JOB_LOG)
                    .whenComplete((done, failure) -> watch.close());
        } catch (RuntimeException e) {
            watch.close(); // a wait that never started must not keep its company's polls shared
            throw e;
        }
    }

    /** The company, read by id or found by name: a token can be had, the service answers, the company exists. */
    @Override
    protected CompletableFuture<?> healthProbe(Instant deadline) {
        if (resource == BcResource.app) {
            return adminApi.installedApps(); // a token can be had, the admin center answers for the environment
        }
        if (resource == BcResource.company) {
            return api.companies(); // a token can be had, the environment answers
        }
        return api.checkCompany(configuration.getCompanyId(), configuration.getCompanyName(), deadline);
    }

    /** The company id: the option, or the company named by companyName, looked up once (again after a failure). */
    synchronized CompletableFuture<String> companyId() {
        if (ObjectHelper.isNotEmpty(configuration.getCompanyId())) {
            return CompletableFuture.completedFuture(configuration.getCompanyId());
        }
        if (companyId == null || companyId.isCompletedExceptionally()) {
            companyId = api.companyIdByName(configuration.getCompanyName());
        }
        return companyId;
    }

    /**
     * The admin center API's root for the environment: baseUrl's host (the v2.0 API's) with
     * {@code /admin/<adminApiVersion>/applications/BusinessCentral/environments/<environment>}.
     */
    String adminRoot() {
        String base = URISupport.stripSuffix(configuration.getBaseUrl(), "/");
        String host = base.endsWith("/v2.0") ? base.substring(0, base.length() - "/v2.0".length()) : base;
        return host + "/admin/" + configuration.getAdminApiVersion() + "/applications/BusinessCentral/environments/"
               + (configuration.getEnvironment() == null ? "" : configuration.getEnvironment());
    }

    /** baseUrl, then the tenant and the environment when given (online); only baseUrl on-premises. */
    String serviceRoot() {
        StringBuilder root = new StringBuilder(URISupport.stripSuffix(configuration.getBaseUrl(), "/"));
        if (ObjectHelper.isNotEmpty(configuration.getTenantId())) {
            root.append('/').append(configuration.getTenantId());
        }
        if (ObjectHelper.isNotEmpty(configuration.getEnvironment())) {
            root.append('/').append(configuration.getEnvironment());
        }
        return root.toString();
    }

    @Override
    protected ErrorDecoder errorDecoder() {
        return BcErrors::decode;
    }

    @Override
    protected Authenticator authenticator() {
        String tokenUrl = configuration.getTokenUrl().replace("{tenantId}",
                configuration.getTenantId() == null ? "" : configuration.getTenantId());
        Authenticator oauth = clientCredentialsOrToken(tokenUrl, configuration.getScope());
        if (oauth != null) {
            return oauth;
        }
        return StaticAuthenticator.basic(configuration.getUsername(), configuration.getPassword());
    }

    @Override
    protected String basicUser() {
        return configuration.getUsername();
    }

    @Override
    protected String userAgent() {
        return "DeployKit-bc/0.1";
    }

    @Override
    protected String deployTarget() {
        String company = ObjectHelper.isNotEmpty(configuration.getCompanyId()) ? "id " + configuration.getCompanyId()
                : "name " + configuration.getCompanyName();
        return "bc " + serviceRoot() + " company " + company;
    }
}
