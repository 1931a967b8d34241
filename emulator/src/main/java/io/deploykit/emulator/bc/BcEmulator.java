package io.deploykit.emulator.bc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.emulator.Emulator;
import io.deploykit.emulator.bc.apps.AdminErrors;
import io.deploykit.emulator.bc.apps.Apps;
import io.deploykit.emulator.bc.apps.AppsResource;
import io.deploykit.emulator.bc.auth.ApiGate;
import io.deploykit.emulator.bc.auth.EntraErrors;
import io.deploykit.emulator.bc.auth.EntraTokenEndpoint;
import io.deploykit.emulator.bc.companies.Companies;
import io.deploykit.emulator.bc.companies.CompaniesResource;
import io.deploykit.emulator.bc.companies.Company;
import io.deploykit.emulator.bc.companies.CompanyData;
import io.deploykit.emulator.bc.companies.DemoData;
import io.deploykit.emulator.bc.files.Storage;
import io.deploykit.emulator.bc.limits.BcLimits;
import io.deploykit.emulator.bc.limits.OperationalLimits;
import io.deploykit.emulator.bc.limits.ThrottledRequests;
import io.deploykit.emulator.bc.odata.ODataErrors;
import io.deploykit.emulator.bc.odata.ServerPaging;
import io.deploykit.emulator.bc.packages.BackgroundJobs;
import io.deploykit.emulator.bc.packages.PackageEntity;
import io.deploykit.emulator.bc.packages.PackageFileResource;
import io.deploykit.emulator.bc.packages.PackageSnapshot;
import io.deploykit.emulator.bc.packages.PackagesResource;
import io.deploykit.emulator.bc.pictures.ParentType;
import io.deploykit.emulator.bc.pictures.PictureSnapshot;
import io.deploykit.emulator.bc.pictures.PicturesResource;
import io.deploykit.emulator.http.AdminRoutes;
import io.deploykit.emulator.http.EmulatorServer;
import io.deploykit.emulator.http.RecordedRequest;
import io.deploykit.emulator.http.RouteGroup;
import io.deploykit.emulator.http.ServerBuilder;
import io.deploykit.emulator.http.ServerSettings;
import io.deploykit.emulator.http.TokenIssuer;

/**
 * A stateful stand-in for Business Central online and its Microsoft Entra ID token endpoint, over real HTTP on
 * 127.0.0.1: companies, configuration packages with their RapidStart files and background import and apply jobs,
 * and the pictures of items, customers, vendors, employees and contacts. Faults can be injected (see
 * {@link #faults()}), every request is logged (see {@link #requests()}), and every import, apply and picture
 * accepted is accounted for by the hash of its content (see {@link #applies()}).
 * <pre>{@code
 * try (BcEmulator bc = BcEmulator.builder().jobStepDuration(Duration.ofMillis(200)).start()) {
 *     // bc: component options: baseUrl = bc.apiBaseUrl(), tenantId = bc.tenant(),
 *     // environment = bc.environment(), tokenUrl = bc.tokenUrl(), clientId and clientSecret as configured
 * }
 * }</pre>
 * Request log route names: {@code token}, {@code companies.list}, {@code companies.get}, {@code packages.list},
 * {@code packages.get}, {@code packages.create}, {@code packages.update}, {@code packages.delete},
 * {@code packages.import}, {@code packages.apply}, {@code packages.file.list}, {@code packages.file.get},
 * {@code packages.file.download}, {@code packages.file.upload}, {@code parents.list}, {@code parents.get},
 * {@code pictures.get}, {@code pictures.delete}, {@code pictures.content.get}, {@code pictures.content.upload}.
 */
public final class BcEmulator implements Emulator {

    public static final String DEFAULT_TENANT = "deploykit-demo.onmicrosoft.com";
    public static final String DEFAULT_ENVIRONMENT = "production";
    public static final String DEFAULT_CLIENT_ID = "deploykit-demo";
    public static final String DEFAULT_CLIENT_SECRET = "demo-secret";
    /** The Microsoft Entra tenant id the admin center API's operations carry ({@code aadTenantId}). */
    public static final String TENANT_ID = "6b1e58c0-0017-4d3e-9c1a-deb10c4a0017";
    /** The on-premises service root is {@code /BC}, like a default Business Central server instance. */
    public static final String DEFAULT_SERVER_INSTANCE = "BC";
    /** The scope to ask the token endpoint for, as for Business Central online. */
    public static final String SCOPE = "https://api.businesscentral.dynamics.com/.default";

    private static final Logger LOG = LoggerFactory.getLogger(BcEmulator.class);

    private final Settings config;
    private final Storage storage;
    private final EmulatorServer server;
    private final Environments environments;
    private final Companies companies;
    private final BcFaults faults;
    private final ServerPaging paging;
    private final OperationalLimits limits;
    private final BcHistory history = new BcHistory();
    private final BackgroundJobs jobs;

    private BcEmulator(Settings config) {
        this.config = config;
        this.paging = new ServerPaging(config.maxPageSize());
        this.limits = new OperationalLimits(config.limits());
        this.storage = Storage.open(config.server().storage());
        try {
            this.server = new EmulatorServer("bc-emulator", config.server().port(), config.server().threads());
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        try {
            TokenIssuer tokens = new TokenIssuer(config.server().clients(), config.server().tokenLifetime(),
                    Clock.systemUTC());
            BackgroundJobs jobs = new BackgroundJobs(server.scheduler(), config.jobStepDuration(), storage);
            jobs.setRunningJobsPerEnvironment(config.runningJobsPerEnvironment());
            this.jobs = jobs;
            String root = ApiGate.rootRegex(config.serverInstance());
            this.environments = new Environments(config.tenant(), config.environment(),
                    name -> new Apps(server.scheduler(), Clock.systemUTC(), TENANT_ID));
            config.moreEnvironments().forEach(environments::add);
            this.companies = environments.companies();
            Supplier<Duration> operationTimeout = () -> limits.limits().operationTimeout();
            this.faults = new BcFaults(tokens, "(?:" + root + "/api/.*|" + AppsResource.ROOT + "/.*)", jobs,
                    operationTimeout);

            ODataErrors odata = new ODataErrors();
            ApiGate gate = new ApiGate(config.tenant(), environments, tokens, config.users());
            RouteGroup api = server.router().group(root, odata, true).before(gate::admit).around(limits);
            server.operationTimeout(operationTimeout);
            new CompaniesResource(companies, paging).install(api);
            new PackagesResource(companies, jobs, storage, paging, history).install(api);
            new PackageFileResource(companies, storage, config.server().maxUploadBytes(), paging).install(api);
            new PicturesResource(companies, storage, config.server().maxUploadBytes(), history, paging).install(api);
            RouteGroup admin = server.router().group(AppsResource.ROOT, new AdminErrors(), true)
                    .before(gate::admitAdmin).around(limits);
            new AppsResource(environments::apps, storage.root()).install(admin);
            EntraTokenEndpoint entra = new EntraTokenEndpoint(config.tenant(), tokens);
            server.router().group("", new EntraErrors(), true).post(EntraTokenEndpoint.PATH, "token", entra::token);
            BcAdminRoutes.install(AdminRoutes.install(server, faults), this, jobs, limits);

            server.start(faults, odata);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Business Central emulator listening on {} (tenant {}, environment {}, files in {})", baseUrl(),
                config.tenant(), config.environment(), storage.root());
    }

    /**
     * A builder with these defaults: a free port; tenant {@value #DEFAULT_TENANT}; environment
     * {@value #DEFAULT_ENVIRONMENT}; one client {@value #DEFAULT_CLIENT_ID} with secret
     * {@value #DEFAULT_CLIENT_SECRET} (unless clients are added); no Basic users; tokens living 60 minutes; job
     * steps of 1 second; uploads up to 350 MB; files in a temporary directory deleted on close; on-premises root
     * {@code /}{@value #DEFAULT_SERVER_INSTANCE}; 200 request threads; the operational limits of Business Central
     * online ({@link BcLimits#BUSINESS_CENTRAL_ONLINE}: per user 5 requests at once, 95 queued, 6000 per 5 minutes,
     * an operation timeout of 8 minutes).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT} */
    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT/v2.0}: the bc: component's baseUrl option. */
    public String apiBaseUrl() {
        return baseUrl() + "/v2.0";
    }

    /** {@code http://127.0.0.1:PORT/v2.0/{tenant}/{environment}}: the online service root. */
    public String serviceRootUrl() {
        return apiBaseUrl() + "/" + config.tenant() + "/" + config.environment();
    }

    /** {@code http://127.0.0.1:PORT/BC}: the service root of an on-premises server, for Basic authentication. */
    public String onPremisesRootUrl() {
        return baseUrl() + "/" + config.serverInstance();
    }

    /** {@code http://127.0.0.1:PORT/{tenant}/oauth2/v2.0/token} */
    public String tokenUrl() {
        return baseUrl() + "/" + config.tenant() + "/oauth2/v2.0/token";
    }

    public String tenant() {
        return config.tenant();
    }

    public String environment() {
        return config.environment();
    }

    /** Changes how many configuration packages a list answer holds at most; the rest is paged with nextLink. */
    public void setMaxPageSize(int maxPageSize) {
        paging.setMaxPageSize(maxPageSize);
    }

    /** The operational limits in force (see {@link BcLimits}). */
    public BcLimits limits() {
        return limits.limits();
    }

    /**
     * Changes the operational limits while running, such as {@link BcLimits#NONE} for a test that floods the API
     * on purpose; requests that arrive from now on are held to them.
     */
    public void setLimits(BcLimits limits) {
        this.limits.setLimits(Objects.requireNonNull(limits, "limits"));
    }

    /** How many API requests the operational limits refused since the emulator started. */
    public ThrottledRequests throttledRequests() {
        return limits.refused();
    }

    /** The directory that holds the uploaded package files and pictures. */
    public Path storageDirectory() {
        return storage.root();
    }

    /** The companies of the default environment. */
    public List<Company> companies() {
        return companies(environment());
    }

    /** The companies of an environment. */
    public List<Company> companies(String environment) {
        return companies.in(environment).stream().map(CompanyData::company).toList();
    }

    /**
     * The company of this name in the default environment.
     *
     * @throws NoSuchElementException when no company has this name
     */
    public Company company(String name) {
        return company(environment(), name);
    }

    /** @throws NoSuchElementException when the environment has no company of this name */
    public Company company(String environment, String name) {
        return companies.byName(environment, name).map(CompanyData::company)
                .orElseThrow(() -> new NoSuchElementException("No company named '" + name + "' in " + environment
                        + "; there are " + companies(environment).stream().map(Company::name).toList()));
    }

    /** The tenant's environments, the default one first: more can be added while it runs. */
    public Environments environments() {
        return environments;
    }

    /** The configuration packages of a company now, in code order. */
    public List<PackageSnapshot> packages(String companyId) {
        return companyData(companyId).packages().all().stream().map(PackageEntity::snapshot).toList();
    }

    /** The package with this code now, if there is one. */
    public Optional<PackageSnapshot> packageByCode(String companyId, String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        return packages(companyId).stream().filter(pkg -> pkg.code().equals(wanted)).findFirst();
    }

    /**
     * The picture of a record now; empty when it has none.
     *
     * @param parentType {@code items}, {@code customers}, {@code vendors}, {@code employees} or {@code contacts}
     * @param number     the record's number, such as {@code 1000}
     * @throws NoSuchElementException when there is no such record
     */
    public Optional<PictureSnapshot> pictureOf(String companyId, String parentType, String number) {
        ParentType type = ParentType.ofEntitySet(parentType);
        PictureSnapshot picture = companyData(companyId).parentByNumber(type, number)
                .orElseThrow(() -> new NoSuchElementException("No " + type.typeName + " numbered " + number))
                .picture();
        return picture.contentType().isEmpty() ? Optional.empty() : Optional.of(picture);
    }

    /**
     * Every apply that started (accepted, applyStatus set to {@code Scheduled}) since the emulator started, in
     * order, whatever the client was answered: with the hash of the package file stored at that moment.
     */
    public List<AppliedPackage> applies() {
        return history.applies().entries();
    }

    /** Every import that started (accepted, importStatus set to {@code Scheduled}), in order, with its file's hash. */
    public List<ImportedPackage> imports() {
        return history.imports().entries();
    }

    /**
     * The apps (per-tenant extensions) of the environment, through the admin center API: what is installed, every
     * {@code .app} accepted by {@code pteInstall} with its SHA-256, and the knobs of its operations (duration,
     * failures, the update window).
     */
    public Apps apps() {
        return apps(environment());
    }

    /** The apps of an environment of the tenant. */
    public Apps apps(String environment) {
        return environments.apps(environment).orElseThrow(() -> new NoSuchElementException("No environment '"
                + environment + "'; there are " + environments.names()));
    }

    /** {@code http://127.0.0.1:PORT/admin/v2.29/applications/BusinessCentral/environments/{environment}} */
    public String adminEnvironmentUrl() {
        return baseUrl() + "/admin/v2.29/applications/BusinessCentral/environments/" + config.environment();
    }

    /** Every picture content upload accepted and stored, in order, with the hash of the image stored. */
    public List<PictureUpdate> pictureUpdates() {
        return history.pictureUpdates().entries();
    }

    @Override
    public Map<String, String> clients() {
        return config.server().clients();
    }

    /** The import and apply jobs: how many an environment runs at once, and how many run now. */
    public BackgroundJobs jobs() {
        return jobs;
    }

    /** Injects faults into requests and jobs. */
    @Override
    public BcFaults faults() {
        return faults;
    }

    /** The requests answered so far (the latest 100,000), oldest first; administration requests excluded. */
    public List<RecordedRequest> requests() {
        return server.requestLog().entries();
    }

    /** How many requests took the route with this name (see the class comment) since the log was last cleared. */
    public long requestCount(String route) {
        return server.requestLog().count(route);
    }

    /** Every route's request count since the log was last cleared. */
    public Map<String, Long> requestCounts() {
        return server.requestLog().counts();
    }

    /** How many requests reached the token endpoint since the log was last cleared, refused ones included. */
    public long tokenRequestCount() {
        return requestCount("token");
    }

    @Override
    public void clearRequests() {
        server.requestLog().clear();
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Business Central emulator on " + baseUrl());
        lines.add("  bc: component options  baseUrl=" + apiBaseUrl() + "  tenantId=" + tenant() + "  environment="
                  + environment());
        lines.add("                         tokenUrl=" + tokenUrl() + "  scope=" + SCOPE);
        config.server().clients().forEach((id, secret) ->
                lines.add("                         clientId=" + id + "  clientSecret=" + secret));
        lines.add("  service root           " + serviceRootUrl());
        lines.add("  on-premises root       " + onPremisesRootUrl() + (config.users().isEmpty() ? " (no Basic users)"
                : "  Basic users " + String.join(", ", config.users().keySet())));
        companies().forEach(company ->
                lines.add("  company                " + company.name() + "  companyId=" + company.id()));
        environments.names().stream().skip(1).forEach(name -> lines.add("  environment            " + name
                + " with " + companies(name).stream().map(Company::name).toList()));
        long maxUpload = config.server().maxUploadBytes();
        lines.add("  job step " + config.jobStepDuration() + ", token lifetime " + config.server().tokenLifetime()
                  + ", max upload " + (maxUpload >> 20) + " MB (" + maxUpload + " bytes), files in "
                  + storageDirectory());
        lines.add("  limits per user        " + limits());
        lines.add("  administration         " + baseUrl() + AdminRoutes.PREFIX);
        return lines;
    }

    @Override
    public void close() {
        server.close();
        storage.close();
        LOG.info("Business Central emulator on port {} stopped", server.port());
    }

    private CompanyData companyData(String companyId) {
        return companies.byId(companyId)
                .orElseThrow(() -> new NoSuchElementException("No company with id " + companyId));
    }

    /** What a builder was told, fixed when the emulator starts. */
    private record Settings(ServerSettings server, String tenant, String environment, Map<String, String> users,
                            Duration jobStepDuration, String serverInstance, int maxPageSize, BcLimits limits,
                            int runningJobsPerEnvironment, List<String> moreEnvironments) {
    }

    /** The settings of a {@link BcEmulator}; see {@link BcEmulator#builder()} for the defaults. */
    public static final class Builder extends ServerBuilder<Builder> {

        private String tenant = DEFAULT_TENANT;
        private String environment = DEFAULT_ENVIRONMENT;
        private final Map<String, String> users = new LinkedHashMap<>();
        private Duration jobStepDuration = Duration.ofSeconds(1);
        private String serverInstance = DEFAULT_SERVER_INSTANCE;
        private int maxPageSize = ServerPaging.DEFAULT_MAX_PAGE_SIZE;
        private BcLimits limits = BcLimits.BUSINESS_CENTRAL_ONLINE;
        private int runningJobsPerEnvironment = BackgroundJobs.DEFAULT_RUNNING_JOBS_PER_ENVIRONMENT;
        private final List<String> moreEnvironments = new ArrayList<>();

        /**
         * Another environment of the tenant (such as a sandbox), with the demo companies; the one given by
         * {@link #environment(String)} stays the default. Repeatable.
         */
        public Builder addEnvironment(String environment) {
            moreEnvironments.add(requireSegment(environment, "environment"));
            return this;
        }

        /**
         * How many import and apply jobs an environment runs at once; the others stay {@code Scheduled} until one
         * ends (Business Central online: 3, its default here). 0: no limit.
         */
        public Builder runningJobsPerEnvironment(int jobs) {
            if (jobs < 0) {
                throw new IllegalArgumentException("A number of running jobs cannot be negative: " + jobs);
            }
            this.runningJobsPerEnvironment = jobs;
            return this;
        }

        private Builder() {
            super(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Duration.ofMinutes(60), 350L << 20);
        }

        /** The Entra tenant, in the token URL and the service root (an id or a domain, compared ignoring case). */
        public Builder tenant(String tenant) {
            this.tenant = requireSegment(tenant, "tenant");
            return this;
        }

        /** The environment name in the service root (compared ignoring case). */
        public Builder environment(String environment) {
            this.environment = requireSegment(environment, "environment");
            return this;
        }

        /** Adds a user for Basic authentication (user name and web service access key), as on-premises. */
        public Builder user(String name, String key) {
            users.put(requireText(name, "user name"), requireText(key, "key"));
            return this;
        }

        /**
         * How long each step of an import or apply takes: {@code Scheduled} for one step, {@code InProgress} for
         * another (plus, for an import, the time reading the file takes).
         */
        public Builder jobStepDuration(Duration step) {
            this.jobStepDuration = requireNotNegative(step, "job step");
            return this;
        }

        /**
         * The most configuration packages one list answer holds (20,000 by default, as Business Central); a longer
         * list is paged with {@code @odata.nextLink}.
         */
        public Builder maxPageSize(int maxPageSize) {
            this.maxPageSize = ServerPaging.requireValid(maxPageSize);
            return this;
        }

        /**
         * The operational limits (by default {@link BcLimits#BUSINESS_CENTRAL_ONLINE}; {@link BcLimits#NONE} lifts
         * them); the methods below change one of them.
         */
        public Builder limits(BcLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** How many requests of a user are processed at once (5); more wait in the queue. */
        public Builder maxConcurrentRequests(int requests) {
            this.limits = limits.withMaxConcurrentRequests(requests);
            return this;
        }

        /** How many requests of a user may wait for a slot (95); more are answered 429 at once. */
        public Builder maxQueuedRequests(int requests) {
            this.limits = limits.withMaxQueuedRequests(requests);
            return this;
        }

        /**
         * How many requests of a user the sliding window admits (6000); more are answered 429 with Retry-After.
         * A test fixture that sends more on purpose raises it.
         */
        public Builder requestsPerWindow(int requests) {
            this.limits = limits.withRequestsPerWindow(requests);
            return this;
        }

        /** The length of the sliding window (5 minutes). */
        public Builder rateWindow(Duration window) {
            this.limits = limits.withWindow(window);
            return this;
        }

        /**
         * The longest a request may take (8 minutes): a request held longer by an injected slow answer is answered
         * 408, and one still waiting for a slot then 503.
         */
        public Builder operationTimeout(Duration timeout) {
            this.limits = limits.withOperationTimeout(timeout);
            return this;
        }

        /** The name of the on-premises service root, {@code /BC} by default. */
        public Builder serverInstance(String serverInstance) {
            this.serverInstance = requireSegment(serverInstance, "serverInstance");
            return this;
        }

        /**
         * Starts the emulator.
         *
         * @throws java.io.UncheckedIOException when the port cannot be bound
         */
        public BcEmulator start() {
            return new BcEmulator(new Settings(serverSettings(), tenant, environment, frozen(users), jobStepDuration,
                    serverInstance, maxPageSize, limits, runningJobsPerEnvironment, List.copyOf(moreEnvironments)));
        }

        private static String requireSegment(String value, String what) {
            if (requireText(value, what).contains("/")) {
                throw new IllegalArgumentException("The " + what + " is one path segment, without '/': " + value);
            }
            return value;
        }
    }
}
