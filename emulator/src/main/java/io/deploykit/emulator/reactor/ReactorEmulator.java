package io.deploykit.emulator.reactor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.emulator.Emulator;
import io.deploykit.emulator.http.AdminRoutes;
import io.deploykit.emulator.http.EmulatorServer;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.http.RecordedRequest;
import io.deploykit.emulator.http.RouteGroup;
import io.deploykit.emulator.http.ServerBuilder;
import io.deploykit.emulator.http.ServerSettings;
import io.deploykit.emulator.http.TokenIssuer;
import io.deploykit.emulator.reactor.auth.ImsErrors;
import io.deploykit.emulator.reactor.auth.ImsTokenEndpoint;
import io.deploykit.emulator.reactor.auth.ReactorGate;
import io.deploykit.emulator.reactor.jsonapi.Answers;
import io.deploykit.emulator.reactor.jsonapi.ApiProblem;
import io.deploykit.emulator.reactor.jsonapi.JsonApiErrors;
import io.deploykit.emulator.reactor.manifest.Manifest;
import io.deploykit.emulator.reactor.manifest.Semver;
import io.deploykit.emulator.reactor.packages.Availability;
import io.deploykit.emulator.reactor.packages.ExtensionPackagesResource;
import io.deploykit.emulator.reactor.packages.IgnoredFilters;
import io.deploykit.emulator.reactor.packages.MultipartUpload;
import io.deploykit.emulator.reactor.packages.PackageProcessing;
import io.deploykit.emulator.reactor.packages.PackageState;
import io.deploykit.emulator.reactor.packages.PackageStore;
import io.deploykit.emulator.reactor.packages.UploadStorage;

/**
 * A stateful stand-in for the Adobe Experience Platform Tags (Reactor) API and its Adobe IMS token endpoint, over
 * real HTTP on 127.0.0.1: extension packages uploaded as zips, processed asynchronously (the zip is really read:
 * manifest, required fields, the files it names), released to private, discontinued and deleted, under Adobe's
 * rules. Faults can be injected (see {@link #faults()}), every request is logged (see {@link #requests()}), and
 * every zip and release accepted is accounted for (see {@link #uploads()}).
 * <pre>{@code
 * try (ReactorEmulator reactor = ReactorEmulator.builder().processingTime(Duration.ofMillis(200)).start()) {
 *     // reactor: component options: baseUrl = reactor.baseUrl(), tokenUrl = reactor.tokenUrl(),
 *     // clientId and clientSecret as configured (deploykit-demo / demo-secret by default)
 * }
 * }</pre>
 * Request counts by route: {@code ims.token}, {@code packages.list}, {@code packages.get}, {@code packages.versions},
 * {@code packages.create}, {@code packages.patch} (a new zip or an action), {@code packages.update} (a new zip by
 * POST), {@code packages.delete}.
 */
public final class ReactorEmulator implements Emulator {

    public static final String DEFAULT_CLIENT_ID = "deploykit-demo";
    public static final String DEFAULT_CLIENT_SECRET = "demo-secret";
    /** The IMS organization that owns the emulator's packages (their {@code owner_org_id}). */
    public static final String DEFAULT_ORG_ID = "DEPLOYKIT00000000000DEMO@AdobeOrg";
    /** The scopes Adobe's own tools ask IMS for; the emulator grants any. */
    public static final String SCOPE = "AdobeID,openid,read_organizations,additional_info.job_function,"
                                       + "additional_info.projectedProductContext,additional_info.roles";

    private static final Logger LOG = LoggerFactory.getLogger(ReactorEmulator.class);
    private static final String API_PATHS = ExtensionPackagesResource.PATH + "(/.*)?";

    private final Settings config;
    private final UploadStorage storage;
    private final EmulatorServer server;
    private final PackageStore store;
    private final ReactorFaults faults;
    private final ReactorHistory history = new ReactorHistory();

    private ReactorEmulator(Settings config) {
        this.config = config;
        this.storage = UploadStorage.open(config.server().storage());
        try {
            this.server = new EmulatorServer("reactor-emulator", config.server().port(), config.server().threads());
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        try {
            Clock clock = Clock.systemUTC();
            TokenIssuer tokens = new TokenIssuer(config.server().clients(), config.server().tokenLifetime(), clock);
            this.store = new PackageStore(clock, config.orgId(), storage, history);
            PackageProcessing processing = new PackageProcessing(server.scheduler(), config.processingTime(), store);
            IgnoredFilters ignoredFilters = new IgnoredFilters();
            this.faults = new ReactorFaults(tokens, API_PATHS, processing, ignoredFilters);

            Answers answers = new Answers();
            JsonApiErrors jsonApiErrors = new JsonApiErrors(answers);
            RouteGroup api = server.router().group("", jsonApiErrors, true);
            MultipartUpload uploads = new MultipartUpload(storage, config.server().maxUploadBytes());
            new ExtensionPackagesResource(store, processing, uploads, new ReactorGate(tokens), jsonApiErrors, answers,
                    ignoredFilters).install(api);
            ImsTokenEndpoint ims = new ImsTokenEndpoint(tokens, answers);
            server.router().group("", new ImsErrors(answers), true).post(ImsTokenEndpoint.PATH, "ims.token",
                    ims::token);
            ReactorAdminRoutes.install(AdminRoutes.install(server, faults), this);

            server.start(faults, jsonApiErrors);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Reactor emulator listening on {} (processing {}, files in {})", baseUrl(), config.processingTime(),
                storage.root());
    }

    /**
     * A builder with these defaults: a free port; one client {@value #DEFAULT_CLIENT_ID} with secret
     * {@value #DEFAULT_CLIENT_SECRET} (unless clients are added); tokens living 24 hours; processing taking 1 second;
     * organization {@value #DEFAULT_ORG_ID}; uploads up to 1 GB; files in a temporary directory deleted on close;
     * 200 request threads.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}: the reactor: component's baseUrl option. */
    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT/ims/token/v3}: the reactor: component's tokenUrl option. */
    public String tokenUrl() {
        return baseUrl() + ImsTokenEndpoint.PATH;
    }

    /** The IMS organization that owns the packages. */
    public String orgId() {
        return config.orgId();
    }

    /** The directory that holds the uploaded zips. */
    public Path storageDirectory() {
        return storage.root();
    }

    /** Every extension package now, in the order of creation. */
    public List<ExtensionPackageSnapshot> packages() {
        return store.all().stream().map(PackageState::snapshot).toList();
    }

    /** @throws NoSuchElementException when no package has this id */
    public ExtensionPackageSnapshot extensionPackage(String id) {
        return store.find(id).map(PackageState::snapshot)
                .orElseThrow(() -> new NoSuchElementException("No extension package has the id " + id));
    }

    /**
     * Adds a package as if it had been uploaded and processed successfully, such as a private 1.0.0 to test the
     * version rules against. Its attributes beyond these are made up.
     *
     * @param platform     {@code web} or {@code edge}
     * @param availability {@code development}, {@code private} or {@code public}
     * @throws IllegalArgumentException for a version that is not semantic, or an unknown platform or availability
     * @throws IllegalStateException    for a second development package of an extension, or a name owned by another
     *                                  organization
     */
    public ExtensionPackageSnapshot seedPackage(String name, String version, String platform, String availability) {
        Objects.requireNonNull(name, "name");
        if (Semver.parse(version).isEmpty()) {
            throw new IllegalArgumentException("Not a semantic version: " + version);
        }
        if (!"web".equals(platform) && !"edge".equals(platform)) {
            throw new IllegalArgumentException("A platform is web or edge, not " + platform);
        }
        ObjectNode manifest = JsonCodec.object().put("name", name).put("version", version).put("platform", platform)
                .put("displayName", name).put("description", "A package added before the test ran.");
        manifest.putObject("author").put("name", "DeployKit");
        try {
            return store.seed(new Manifest(manifest), Availability.named(availability)).snapshot();
        } catch (ApiProblem refused) {
            throw new IllegalStateException(refused.getMessage());
        }
    }

    /** From now on, creating or updating a package of this name is refused with {@code invalid-name}. */
    public void ownedByAnotherOrg(String name) {
        store.ownedByAnotherOrg(Objects.requireNonNull(name, "name"));
    }

    /**
     * Every zip upload accepted (a create, or an update of a development package) since the emulator started, in
     * order, whatever the client was answered: with the hash of the zip stored.
     */
    public List<AcceptedUpload> uploads() {
        return history.uploads().entries();
    }

    /** Every {@code release_private} accepted, in order, whatever the client was answered. */
    public List<PackageRelease> releases() {
        return history.releases().entries();
    }

    @Override
    public Map<String, String> clients() {
        return config.server().clients();
    }

    /** Injects faults into requests and into the processing of packages. */
    @Override
    public ReactorFaults faults() {
        return faults;
    }

    /**
     * The requests answered so far (of the latest 100,000), oldest first, with their headers; administration
     * requests excluded, and dropped connections too (they got no answer; {@link #requestCounts()} counts them).
     */
    public List<RecordedRequest> requests() {
        return server.requestLog().entries().stream().filter(request -> request.status() != 0).toList();
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
    public int tokenRequestCount() {
        return Math.toIntExact(requestCount("ims.token"));
    }

    @Override
    public void clearRequests() {
        server.requestLog().clear();
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Adobe Tags (Reactor) emulator on " + baseUrl());
        lines.add("  reactor: component options  baseUrl=" + baseUrl() + "  tokenUrl=" + tokenUrl());
        config.server().clients().forEach((id, secret) ->
                lines.add("                              clientId=" + id + "  clientSecret=" + secret));
        lines.add("  organization                " + orgId());
        lines.add("  processing " + config.processingTime() + ", token lifetime " + config.server().tokenLifetime()
                  + ", max upload " + (config.server().maxUploadBytes() >> 20) + " MB, files in " + storageDirectory());
        lines.add("  administration              " + baseUrl() + AdminRoutes.PREFIX);
        return lines;
    }

    @Override
    public void close() {
        server.close();
        storage.close();
        LOG.info("Reactor emulator stopped");
    }

    Duration processingTime() {
        return config.processingTime();
    }

    /** What a builder was told, fixed when the emulator starts. */
    private record Settings(ServerSettings server, Duration processingTime, String orgId) {
    }

    /** The settings of a {@link ReactorEmulator}; see {@link ReactorEmulator#builder()} for the defaults. */
    public static final class Builder extends ServerBuilder<Builder> {

        private Duration processingTime = Duration.ofSeconds(1);
        private String orgId = DEFAULT_ORG_ID;

        private Builder() {
            super(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Duration.ofHours(24), 1L << 30);
        }

        /** How long a package stays pending before its zip is processed. */
        public Builder processingTime(Duration time) {
            this.processingTime = requireNotNegative(time, "processing time");
            return this;
        }

        /** The IMS organization that owns the packages, such as {@code ABC123@AdobeOrg}. */
        public Builder orgId(String orgId) {
            this.orgId = requireText(orgId, "orgId");
            return this;
        }

        /**
         * Starts the emulator.
         *
         * @throws java.io.UncheckedIOException when the port cannot be bound
         */
        public ReactorEmulator start() {
            return new ReactorEmulator(new Settings(serverSettings(), processingTime, orgId));
        }
    }
}
