package io.deploykit.camel.reactor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.journal.DeployKeys;
import io.deploykit.camel.core.journal.DeployStep;
import io.deploykit.camel.core.journal.SettleAfterMove;
import io.deploykit.camel.core.support.DeployKitProducer;
import io.deploykit.camel.core.support.Failures;
import io.deploykit.camel.core.support.OnceOnly;
import io.deploykit.camel.reactor.model.ExtensionPackage;

/** The operations on Tags extension packages, one method each. */
final class ExtensionPackageProducer extends DeployKitProducer<ReactorEndpoint, ReactorOperation> {

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionPackageProducer.class);
    private static final String DEFAULT_FILE_NAME = "package.zip";
    /**
     * The exchange property that tells a releasePrivate which deploy an upload before it in the route belonged to: the
     * deploy key is an input, never left in the headers, so that a route may upload several zips.
     */
    private static final String UPLOADED = "CamelReactorUploaded";
    /** The exchange property that remembers the package id a result set, to tell it from an id the route gives. */
    private static final String RESULT_ID = "CamelReactorResultPackageId";
    /** The steps of a release to private; the names are what journals keep, so they never change. */
    private enum ReleaseStep {
        releasing,
        released
    }

    private final ReactorConfiguration config;

    ExtensionPackageProducer(ReactorEndpoint endpoint) {
        super(endpoint);
        this.config = endpoint.getConfiguration();
    }

    @Override
    protected CompletableFuture<?> operate(ReactorOperation operation, Exchange exchange) {
        return switch (operation) {
            case list -> list(exchange);
            case get -> get(exchange);
            case create -> create(exchange);
            case update -> update(exchange);
            case upload -> upload(exchange);
            case releasePrivate -> releasePrivate(exchange);
            case discontinue -> discontinue(exchange);
            case delete -> delete(exchange);
        };
    }

    /** Every package, or those of the name and platform in the headers; the body becomes the list. */
    private CompletableFuture<?> list(Exchange exchange) {
        Map<String, String> filters = new LinkedHashMap<>();
        String name = header(exchange, ReactorConstants.EXTENSION_NAME);
        String platform = header(exchange, ReactorConstants.PLATFORM);
        if (name != null) {
            filters.put("name", "EQ " + name);
        }
        if (platform != null) {
            filters.put("platform", "EQ " + platform);
        }
        return getEndpoint().api().list(filters).thenAccept(packages -> exchange.getMessage().setBody(packages.stream()
                .filter(p -> (name == null || name.equals(p.getName())) && (platform == null || platform.equals(p.getPlatform())))
                .toList()));
    }

    /**
     * The package; while it is pending and waitForCompletion is on, waits for its processing like create and update
     * do. This is how a route resumes waiting after a timeout.
     */
    private CompletableFuture<?> get(Exchange exchange) {
        return getEndpoint().api().get(requiredId(exchange)).thenCompose(pkg -> {
            result(exchange, pkg);
            return ExtensionPackage.PENDING.equals(pkg.getStatus()) ? awaitProcessing(exchange, pkg)
                    : CompletableFuture.completedFuture(pkg);
        });
    }

    private CompletableFuture<?> create(Exchange exchange) {
        return withZip(exchange, "create", upload -> {
            LOG.info("Creating extension package {} {} ({}) from {}", upload.manifest().name(), upload.manifest().version(),
                    upload.manifest().platform(), upload.zip().fileName());
            return upload.steps().create();
        });
    }

    /**
     * A new zip onto the package the exchange names, else onto the development package of the zip's name and platform.
     */
    private CompletableFuture<?> update(Exchange exchange) {
        String given = header(exchange, ReactorConstants.EXTENSION_PACKAGE_ID);
        // the id an earlier operation on this exchange set as its result names that package, not this zip's
        String id = given != null && given.equals(exchange.getProperty(RESULT_ID, String.class))
                ? configuredId() : id(exchange);
        return withZip(exchange, "update", upload -> {
            ExtensionManifest manifest = upload.manifest();
            CompletableFuture<ExtensionPackage> target = id != null ? getEndpoint().api().get(id)
                    : getEndpoint().api().findDevelopment(manifest.name(), manifest.platform()).thenApply(found -> found
                            .orElseThrow(() -> new NotFoundException("No development extension package named '"
                                                                     + manifest.name() + "' for platform " + manifest.platform()
                                                                     + " to update; use operation=upload to create it when missing")));
            return target.thenCompose(pkg -> {
                LOG.info("Updating extension package {} with {} {} from {}", pkg.getId(), manifest.name(),
                        manifest.version(), upload.zip().fileName());
                return upload.steps().update(pkg);
            });
        });
    }

    /** Like Adobe's reactor-uploader: update the development package of the zip's name and platform, or create it. */
    private CompletableFuture<?> upload(Exchange exchange) {
        return withZip(exchange, "upload", upload -> {
            ExtensionManifest manifest = upload.manifest();
            return getEndpoint().api().findDevelopment(manifest.name(), manifest.platform()).thenCompose(found -> {
                if (found.isPresent()) {
                    LOG.info("Updating development extension package {} ({} {}) from {}", found.get().getId(),
                            manifest.name(), manifest.version(), upload.zip().fileName());
                    return upload.steps().update(found.get());
                }
                LOG.info("Creating extension package {} {} ({}) from {}: no development package yet", manifest.name(),
                        manifest.version(), manifest.platform(), upload.zip().fileName());
                return upload.steps().create();
            });
        });
    }

    /**
     * Releases to private, only a package whose processing succeeded (Adobe's own releaser does not check). A release
     * is never sent twice: after an unclear answer the package is read again, and with a state repository a release
     * taken up again (or repeated for the same deploy key) finds the one that went through.
     */
    private CompletableFuture<?> releasePrivate(Exchange exchange) {
        DeployJournal journal = getEndpoint().getJournal();
        String key = header(exchange, ReactorConstants.DEPLOY_KEY);
        Uploaded uploaded = exchange.getProperty(UPLOADED, Uploaded.class);
        boolean ofUpload = key == null && uploaded != null && uploaded.packageId().equals(id(exchange));
        if (ofUpload) {
            key = uploaded.deployKey(); // the upload before, in this route, of the package released
        }
        DeployJournal.Entry entry = journal.isRecording() && key != null ? journal.entry("releasePrivate", key) : null;
        if (ofUpload && uploaded.keyDerived()) {
            SettleAfterMove.register(exchange, entry); // settled with its upload, once the zip has been moved
        }
        CompletableFuture<Optional<DeployStep>> recorded = entry == null
                ? CompletableFuture.completedFuture(Optional.empty()) : entry.lastAsync();
        return recorded.thenCompose(last -> releasePrivate(exchange, entry, last));
    }

    private CompletableFuture<?> releasePrivate(Exchange exchange, DeployJournal.Entry entry, Optional<DeployStep> last) {
        boolean[] skipped = new boolean[1];
        CompletableFuture<ExtensionPackage> released;
        if (last.isPresent() && last.get().resourceId() != null) {
            released = getEndpoint().api().get(last.get().resourceId()).thenCompose(pkg -> {
                if (ExtensionPackage.DEVELOPMENT.equals(pkg.getAvailability())) {
                    return release(pkg, entry);
                }
                if (last.get().is(ReleaseStep.released)) {
                    skipped[0] = true;
                    LOG.warn("Extension package {} {} (id {}) was released to private for this deploy before: not sent"
                             + " again", pkg.getName(), pkg.getVersion(), pkg.getId());
                } else {
                    LOG.info("Resuming the release of extension package {} (id {}): the release sent before took"
                             + " effect", pkg.getName(), pkg.getId());
                }
                return CompletableFuture.completedFuture(pkg);
            });
        } else {
            released = named(exchange).thenCompose(pkg -> release(pkg, entry));
        }
        return released.thenCompose(pkg -> (entry == null ? CompletableFuture.completedFuture(null)
                : entry.recordAsync(ReleaseStep.released, pkg.getId(), null)).thenAccept(recorded -> {
                    result(exchange, pkg);
                    exchange.getMessage().setHeader(ReactorConstants.DEPLOY_SKIPPED, skipped[0]);
                }));
    }

    private CompletableFuture<ExtensionPackage> release(ExtensionPackage pkg, DeployJournal.Entry entry) {
        if (!ExtensionPackage.SUCCEEDED.equals(pkg.getStatus())) {
            throw new DeployKitException("Extension package " + pkg.getName() + " " + pkg.getVersion() + " (id "
                                         + pkg.getId() + ") is " + pkg.getStatus()
                                         + ": only a package whose processing succeeded can be released");
        }
        if (!ExtensionPackage.DEVELOPMENT.equals(pkg.getAvailability())) {
            throw new DeployKitException("Extension package " + pkg.getName() + " " + pkg.getVersion() + " (id "
                                         + pkg.getId() + ") is already " + pkg.getAvailability()
                                         + ": a release cannot be repeated or undone");
        }
        ReactorApi api = getEndpoint().api();
        CompletableFuture<?> recorded = entry == null ? CompletableFuture.completedFuture(null)
                : entry.recordAsync(ReleaseStep.releasing, pkg.getId(), null);
        return recorded.thenCompose(v -> OnceOnly.send("The release of extension package " + pkg.getId() + " to private",
                () -> api.action(pkg.getId(), "release_private"),
                () -> api.get(pkg.getId()).thenApply(now -> Optional.of(now)
                        .filter(released -> !ExtensionPackage.DEVELOPMENT.equals(released.getAvailability()))), LOG))
                .thenApply(done -> {
                    LOG.info("Released extension package {} {} (id {}) to private", done.getName(), done.getVersion(),
                            done.getId());
                    return done;
                });
    }

    private CompletableFuture<?> discontinue(Exchange exchange) {
        return getEndpoint().api().action(requiredId(exchange), "discontinue").thenAccept(pkg -> {
            LOG.info("Discontinued extension package {} {} (id {})", pkg.getName(), pkg.getVersion(), pkg.getId());
            result(exchange, pkg);
        });
    }

    private CompletableFuture<?> delete(Exchange exchange) {
        String id = requiredId(exchange);
        return getEndpoint().api().delete(id).thenAccept(v -> {
            LOG.info("Deleted extension package {}", id);
            exchange.getMessage().setBody(null);
            exchange.getMessage().setHeader(ReactorConstants.EXTENSION_PACKAGE_ID, id);
            exchange.setProperty(RESULT_ID, id);
        });
    }

    /** What an upload left for a releasePrivate of the same package. */
    private record Uploaded(String deployKey, boolean keyDerived, String packageId) {
    }

    /** A zip being uploaded: the body, its manifest and the steps that send it. */
    private record ZipUpload(UploadBody zip, ExtensionManifest manifest, PackageUpload steps) {
    }

    /**
     * Reads and checks the zip's manifest before anything is sent, runs the upload (or continues the one recorded for
     * this deploy key), then waits for processing when asked.
     */
    private CompletableFuture<?> withZip(Exchange exchange, String operation,
                                         Function<ZipUpload, CompletableFuture<ExtensionPackage>> send) {
        UploadBody zip = UploadBody.from(exchange, DEFAULT_FILE_NAME);
        ExtensionManifest manifest = ExtensionManifest.read(zip);
        DeployJournal journal = getEndpoint().getJournal();
        String key = journal.isRecording() ? DeployKeys.of(exchange, ReactorConstants.DEPLOY_KEY, zip) : zip.fileName();
        DeployJournal.Entry entry = journal.entry(operation, key);
        boolean keyDerived = !DeployKeys.isGiven(exchange, ReactorConstants.DEPLOY_KEY);
        if (keyDerived) {
            SettleAfterMove.register(exchange, entry); // a key of the zip's own: moved to its outcome, it is done
        }
        deploying(exchange, zip, entry);
        PackageUpload steps = new PackageUpload(getEndpoint().api(), entry, zip, manifest);
        return steps.run(() -> send.apply(new ZipUpload(zip, manifest, steps)))
                .thenCompose(pkg -> {
                    result(exchange, pkg);
                    exchange.getMessage().setHeader(ReactorConstants.DEPLOY_SKIPPED, steps.skipped());
                    // a releasePrivate later in the route belongs to this deploy, for this package only
                    exchange.setProperty(UPLOADED, new Uploaded(key, keyDerived, pkg.getId()));
                    if (!config.isWaitForCompletion()) {
                        return CompletableFuture.completedFuture(pkg);
                    }
                    if (ExtensionPackage.PENDING.equals(pkg.getStatus())) {
                        return awaitProcessing(exchange, pkg);
                    }
                    // processed already (found after an unclear answer, or on resuming): a failure fails the upload
                    // as it does after a wait, so the failed package is never taken for deployed
                    RuntimeException failed = ExtensionPackageProcessing.INSTANCE.failure(pkg);
                    return failed != null ? CompletableFuture.<ExtensionPackage>failedFuture(failed)
                            : CompletableFuture.completedFuture(pkg);
                })
                .handle((pkg, failure) -> failure == null ? steps.processed(pkg, null).thenApply(recorded -> pkg)
                        // the failure is the news, whether or not the journal could record it
                        : steps.processed(null, failure).handle((recorded, notRecorded) -> null)
                                .thenCompose(v -> CompletableFuture.<ExtensionPackage>failedFuture(failure)))
                .thenCompose(next -> next);
    }

    private CompletableFuture<ExtensionPackage> awaitProcessing(Exchange exchange, ExtensionPackage pkg) {
        String what = "processing of extension package " + pkg.getId() + " (" + pkg.getName() + " " + pkg.getVersion() + ")";
        return getEndpoint().getJobPoller().await(what, orgOf(), deadline -> getEndpoint().api().get(pkg.getId(), deadline), ExtensionPackageProcessing.INSTANCE,
                Duration.ofMillis(config.getPollInterval()), Duration.ofMillis(config.getTimeout()), LOG)
                .whenComplete((done, failure) -> {
                    ExtensionPackage last = done != null ? done
                            : Failures.unwrap(failure) instanceof ReactorPackageFailedException failed ? failed.getExtensionPackage() : null;
                    if (last != null) {
                        result(exchange, last);
                    }
                });
    }

    /** The organisation whose waits the console groups this one with. */
    private String orgOf() {
        return ObjectHelper.isEmpty(config.getImsOrgId()) ? "" : config.getImsOrgId();
    }

    /** The package named by id, else the development package of the name and platform in the headers. */
    private CompletableFuture<ExtensionPackage> named(Exchange exchange) {
        String id = id(exchange);
        if (id != null) {
            return getEndpoint().api().get(id);
        }
        String name = header(exchange, ReactorConstants.EXTENSION_NAME);
        String platform = header(exchange, ReactorConstants.PLATFORM);
        if (name == null || platform == null) {
            throw new InvalidInputException("Name the extension package: header " + ReactorConstants.EXTENSION_PACKAGE_ID
                                            + " or option extensionPackageId, or headers " + ReactorConstants.EXTENSION_NAME
                                            + " and " + ReactorConstants.PLATFORM);
        }
        return getEndpoint().api().findDevelopment(name, platform).thenApply(found -> found.orElseThrow(
                () -> new NotFoundException("No development extension package named '" + name + "' for platform " + platform)));
    }

    private String id(Exchange exchange) {
        String id = header(exchange, ReactorConstants.EXTENSION_PACKAGE_ID);
        return id != null ? id : configuredId();
    }

    /** The extensionPackageId option, or null. */
    private String configuredId() {
        return ObjectHelper.isNotEmpty(config.getExtensionPackageId()) ? config.getExtensionPackageId().trim() : null;
    }

    private String requiredId(Exchange exchange) {
        String id = id(exchange);
        if (id == null) {
            throw new InvalidInputException("Name the extension package: header " + ReactorConstants.EXTENSION_PACKAGE_ID
                                            + " or option extensionPackageId");
        }
        return id;
    }

    private static String header(Exchange exchange, String name) {
        String value = exchange.getMessage().getHeader(name, String.class);
        return ObjectHelper.isEmpty(value) ? null : value.trim();
    }

    private static void result(Exchange exchange, ExtensionPackage pkg) {
        exchange.setProperty(RESULT_ID, pkg.getId());
        Message message = exchange.getMessage();
        message.setBody(pkg);
        message.setHeader(ReactorConstants.EXTENSION_PACKAGE_ID, pkg.getId());
        message.setHeader(ReactorConstants.EXTENSION_NAME, pkg.getName());
        message.setHeader(ReactorConstants.VERSION, pkg.getVersion());
        message.setHeader(ReactorConstants.PLATFORM, pkg.getPlatform());
        message.setHeader(ReactorConstants.STATUS, pkg.getStatus());
        message.setHeader(ReactorConstants.AVAILABILITY, pkg.getAvailability());
    }
}
