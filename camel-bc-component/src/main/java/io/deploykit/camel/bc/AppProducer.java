package io.deploykit.camel.bc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.bc.app.AppManifest;
import io.deploykit.camel.bc.app.AppFiles;
import io.deploykit.camel.bc.app.AppSet;
import io.deploykit.camel.bc.app.AppVersion;
import io.deploykit.camel.bc.model.AppOperation;
import io.deploykit.camel.bc.model.InstalledApp;
import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.journal.DeployKeys;
import io.deploykit.camel.core.journal.DeployStep;
import io.deploykit.camel.core.journal.SettleAfterMove;
import io.deploykit.camel.core.support.DeployKitProducer;
import io.deploykit.camel.core.support.OnceOnly;

/**
 * The operations on apps (per-tenant extensions) through the admin center API, one method each. {@code deploy}
 * reads the {@code .app} before any request, skips an app installed at this version or higher, uploads it once to
 * {@code pteInstall} (after an unclear answer it reads the app's operations instead of uploading again), and waits
 * for the operation without holding a thread; with a stateRepository each step is journaled, so a deploy taken up
 * again after a crash waits for the operation it started rather than uploading again.
 */
final class AppProducer extends DeployKitProducer<BcEndpoint, BcOperation> {

    private static final Logger LOG = LoggerFactory.getLogger(AppProducer.class);

    /** The steps of an app deploy; the names are what journals keep, so they never change. */
    private enum Step {
        uploading,
        installing,
        installed
    }

    private final BcConfiguration config;

    AppProducer(BcEndpoint endpoint) {
        super(endpoint);
        this.config = endpoint.getConfiguration();
    }

    @Override
    protected CompletableFuture<?> operate(BcOperation operation, Exchange exchange) {
        return switch (operation) {
            case deploy -> deploy(exchange);
            case list -> list(exchange);
            case get -> get(exchange);
            case operations -> operations(exchange);
            case uninstall -> uninstall(exchange);
            case cancelScheduled -> cancelScheduled(exchange);
            default -> throw new IllegalStateException("unreachable: " + operation + " was validated");
        };
    }

    private CompletableFuture<?> deploy(Exchange exchange) {
        List<Path> set = AppFiles.setOf(exchange.getMessage().getBody());
        if (set != null) {
            return deploySet(exchange, set);
        }
        UploadBody file = UploadBody.from(exchange, "extension.app");
        AppManifest app = AppFiles.read(file);
        requireEulaAccepted(app);
        DeployJournal journal = getEndpoint().getJournal();
        DeployJournal.Entry entry = journal.entry("app",
                journal.isRecording() ? DeployKeys.of(exchange, BcConstants.DEPLOY_KEY, file) : file.fileName());
        if (!DeployKeys.isGiven(exchange, BcConstants.DEPLOY_KEY)) {
            SettleAfterMove.register(exchange, entry); // a key of the file's own: moved to its outcome, it is done
        }
        deploying(exchange, file, entry);
        return entry.lastAsync().thenCompose(last -> deployFrom(exchange, file, app, entry, last));
    }

    /**
     * Several apps (a folder, or a list of files): every file read and the order settled before any upload, then
     * each deployed in turn as a single app is. The body becomes the list of their results, in that order.
     */
    private CompletableFuture<?> deploySet(Exchange exchange, List<Path> files) {
        List<AppSet.Member<UploadBody>> members = new ArrayList<>();
        for (Path path : files) {
            UploadBody file = UploadBody.ofFile(path);
            members.add(new AppSet.Member<>(file, AppFiles.read(file)));
        }
        members.forEach(member -> requireEulaAccepted(member.manifest()));
        return getEndpoint().adminApi().installedApps().thenCompose(installed -> {
            Map<String, AppVersion> versions = new LinkedHashMap<>();
            installed.forEach(app -> versions.put(app.appId(), AppVersion.parse(app.version())));
            List<AppSet.Member<UploadBody>> ordered = AppSet.order(members, versions);
            LOG.info("Deploying {} apps in dependency order: {}", ordered.size(),
                     ordered.stream().map(member -> member.manifest().describe()).toList());
            CompletableFuture<List<Object>> chain = CompletableFuture.completedFuture(new ArrayList<>());
            for (AppSet.Member<UploadBody> member : ordered) {
                chain = chain.thenCompose(results -> deployMember(exchange, member).thenApply(done -> {
                    results.add(exchange.getMessage().getBody());
                    return results;
                }));
            }
            return chain.thenAccept(results -> exchange.getMessage().setBody(results));
        });
    }

    private CompletableFuture<Void> deployMember(Exchange exchange, AppSet.Member<UploadBody> member) {
        UploadBody file = member.file();
        DeployJournal journal = getEndpoint().getJournal();
        String given = exchange.getMessage().getHeader(BcConstants.DEPLOY_KEY, String.class);
        String key = !journal.isRecording() ? file.fileName()
                : ObjectHelper.isNotEmpty(given) ? given.trim() + "|" + member.manifest().id()
                : AppFiles.keyOf(file);
        DeployJournal.Entry entry = journal.entry("app", key);
        return entry.lastAsync().thenCompose(last -> deployFrom(exchange, file, member.manifest(), entry, last));
    }

    private void requireEulaAccepted(AppManifest app) {
        if (!config.isAcceptIsvEula()) {
            throw new InvalidInputException("acceptIsvEula is not set, so " + app.describe() + " was not uploaded."
                                            + " Business Central installs an app only when the request accepts the"
                                            + " terms: setting acceptIsvEula=true agrees, on your behalf, to the app"
                                            + " publisher's license terms (EULA) and to Microsoft's terms for apps"
                                            + " installed through the admin center API");
        }
    }

    private CompletableFuture<Void> deployFrom(Exchange exchange, UploadBody file, AppManifest app,
                                            DeployJournal.Entry entry, Optional<DeployStep> last) {
        AdminCenterApi api = getEndpoint().adminApi();
        if (last.isPresent() && last.get().is(Step.installed)) {
            LOG.warn("App {} was deployed from {} before: not uploaded again (the file was not moved out of the inbox"
                     + " since, or its deploy key was given)", app.describe(), file.fileName());
            return api.operation(app.id(), last.get().resourceId(), null)
                    .thenAccept(operation -> result(exchange, app, operation, true));
        }
        if (last.isPresent() && last.get().is(Step.installing)) {
            LOG.info("Resuming the deploy of app {}: waiting for its operation {}", app.describe(),
                    last.get().resourceId());
            return api.operation(app.id(), last.get().resourceId(), null)
                    .thenCompose(operation -> awaitAndRecord(exchange, app, operation, entry));
        }
        CompletableFuture<Optional<AppOperation>> earlier = last.isPresent()
                ? sameVersionOperation(app) // an upload under way when the last try stopped may have taken effect
                : CompletableFuture.completedFuture(Optional.empty());
        return earlier.thenCompose(found -> {
            if (found.isPresent()) {
                LOG.info("The upload of app {} interrupted before had taken effect (operation {}): not sent again",
                         app.describe(), found.get().id());
                return entry.recordAsync(Step.installing, found.get().id(), null)
                        .thenCompose(recorded -> awaitAndRecord(exchange, app, found.get(), entry));
            }
            return api.installedApp(app.id()).thenCompose(installed -> {
                if (installed.isPresent() && !config.isForceUpload()
                    && AppVersion.parse(installed.get().version()).compareTo(app.version()) >= 0) {
                    LOG.warn("App {} is not uploaded: the environment has version {} installed (set forceUpload=true"
                             + " to upload anyway)", app.describe(), installed.get().version());
                    skipped(exchange, app, installed.get());
                    return CompletableFuture.<Void>completedFuture(null);
                }
                return upload(exchange, file, app, entry);
            });
        });
    }

    private CompletableFuture<Void> upload(Exchange exchange, UploadBody file, AppManifest app, DeployJournal.Entry entry) {
        AdminCenterApi api = getEndpoint().adminApi();
        return entry.recordAsync(Step.uploading, app.id(), null)
                .thenCompose(recorded -> OnceOnly.send("The upload of app " + app.describe(),
                        () -> api.pteInstall(file, fields(exchange)), () -> sameVersionOperation(app), LOG))
                .thenCompose(operation -> {
                    LOG.info("Uploaded app {} from {}: operation {} {}", app.describe(), file.fileName(),
                             operation.id(), operation.status());
                    return entry.recordAsync(Step.installing, operation.id(), null)
                            .thenCompose(recorded -> awaitAndRecord(exchange, app, operation, entry));
                });
    }

    /** An install of this very version that the service took and has not given up: scheduled, running, succeeded. */
    private CompletableFuture<Optional<AppOperation>> sameVersionOperation(AppManifest app) {
        return getEndpoint().adminApi().operations(app.id(), null).thenApply(operations -> operations.stream()
                .filter(op -> "install".equalsIgnoreCase(op.type()) && op.isLive()
                              && app.version().toString().equals(op.targetAppVersion()))
                .reduce((first, second) -> second));
    }

    private CompletableFuture<Void> awaitAndRecord(Exchange exchange, AppManifest app, AppOperation operation,
                                                DeployJournal.Entry entry) {
        boolean deferred = !"Immediate".equalsIgnoreCase(schedule(exchange));
        AppOperationJob job = new AppOperationJob(deferred);
        CompletableFuture<AppOperation> done = job.isFinished(operation)
                ? CompletableFuture.completedFuture(operation)
                : getEndpoint().getJobPoller().await("install of app " + app.describe(), "apps",
                        deadline -> getEndpoint().adminApi().operation(app.id(), operation.id(), deadline), job,
                        Duration.ofMillis(config.getPollInterval()), Duration.ofMillis(config.getTimeout()), LOG);
        return done.thenCompose(finished -> {
            RuntimeException failure = job.failure(finished);
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            LOG.info("App {}: operation {} {}", app.describe(), finished.id(), finished.status());
            return entry.recordAsync(Step.installed, finished.id(), null)
                    .thenAccept(recorded -> result(exchange, app, finished, false));
        });
    }

    private CompletableFuture<?> list(Exchange exchange) {
        return getEndpoint().adminApi().installedApps().thenAccept(apps -> exchange.getMessage().setBody(apps));
    }

    private CompletableFuture<?> get(Exchange exchange) {
        String appId = appId(exchange);
        return getEndpoint().adminApi().installedApp(appId).thenAccept(app -> {
            InstalledApp found = app.orElseThrow(() -> new NotFoundException("No app with id " + appId
                                                                              + " is installed on the environment"));
            Message message = exchange.getMessage();
            message.setBody(found);
            message.setHeader(BcConstants.APP_NAME, found.name());
            message.setHeader(BcConstants.APP_VERSION, found.version());
        });
    }

    /** The app's operations, or the one named by CamelBcAppOperationId. */
    private CompletableFuture<?> operations(Exchange exchange) {
        String appId = appId(exchange);
        String operationId = exchange.getMessage().getHeader(BcConstants.APP_OPERATION_ID, String.class);
        AdminCenterApi api = getEndpoint().adminApi();
        if (ObjectHelper.isNotEmpty(operationId)) {
            return api.operation(appId, operationId, null).thenAccept(op -> {
                exchange.getMessage().setBody(op);
                exchange.getMessage().setHeader(BcConstants.APP_OPERATION_STATUS, op.status());
            });
        }
        return api.operations(appId, null).thenAccept(ops -> exchange.getMessage().setBody(ops));
    }

    private CompletableFuture<?> uninstall(Exchange exchange) {
        String appId = appId(exchange);
        return getEndpoint().adminApi().uninstall(appId, config.isUninstallDependents(), config.isDeleteData(),
                        !"Immediate".equalsIgnoreCase(schedule(exchange)))
                .thenAccept(op -> {
                    LOG.info("Uninstall of app {} requested: operation {} {}", appId, op.id(), op.status());
                    operationHeaders(exchange, appId, op);
                });
    }

    /** Cancels the version (header CamelBcAppVersion) scheduled for deploymentSchedule. */
    private CompletableFuture<?> cancelScheduled(Exchange exchange) {
        String appId = appId(exchange);
        String version = exchange.getMessage().getHeader(BcConstants.APP_VERSION, String.class);
        if (ObjectHelper.isEmpty(version)) {
            throw new InvalidInputException("Name the scheduled version to cancel in header " + BcConstants.APP_VERSION);
        }
        String kind = schedule(exchange);
        if ("Immediate".equalsIgnoreCase(kind)) {
            throw new InvalidInputException("Set deploymentSchedule (or header " + BcConstants.DEPLOYMENT_SCHEDULE
                                            + ") to the schedule to cancel: UpdateWindow, NextMinorUpdate or"
                                            + " NextMajorUpdate");
        }
        return getEndpoint().adminApi().removeScheduledPteVersion(appId, AppVersion.parse(version).toString(), kind)
                .thenAccept(op -> {
                    LOG.info("Canceled version {} of app {} scheduled for {}", version, appId, kind);
                    operationHeaders(exchange, appId, op);
                });
    }

    private Map<String, String> fields(Exchange exchange) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deploymentSchedule", schedule(exchange));
        fields.put("syncMode", config.getSyncMode());
        fields.put("languageId", config.getLanguageId());
        fields.put("acceptIsvEula", "true"); // checked before: only when the user set acceptIsvEula
        fields.put("installOrUpdateNeededDependencies", String.valueOf(config.isInstallOrUpdateNeededDependencies()));
        return fields;
    }

    private String schedule(Exchange exchange) {
        String header = exchange.getMessage().getHeader(BcConstants.DEPLOYMENT_SCHEDULE, String.class);
        return ObjectHelper.isNotEmpty(header) ? header : config.getDeploymentSchedule();
    }

    private String appId(Exchange exchange) {
        String appId = exchange.getMessage().getHeader(BcConstants.APP_ID, String.class);
        if (ObjectHelper.isEmpty(appId)) {
            throw new InvalidInputException("Name the app in header " + BcConstants.APP_ID + " (its id, a GUID)");
        }
        return appId.trim();
    }

    private static void result(Exchange exchange, AppManifest app, AppOperation operation, boolean skipped) {
        Message message = exchange.getMessage();
        message.setBody(operation);
        appHeaders(message, app);
        operationHeaders(exchange, app.id(), operation);
        message.setHeader(BcConstants.APP_SCHEDULED, operation.is("scheduled"));
        message.setHeader(BcConstants.DEPLOY_SKIPPED, skipped);
    }

    private static void skipped(Exchange exchange, AppManifest app, InstalledApp installed) {
        Message message = exchange.getMessage();
        message.setBody(installed);
        appHeaders(message, app);
        message.setHeader(BcConstants.APP_INSTALLED_VERSION, installed.version());
        message.setHeader(BcConstants.APP_SCHEDULED, false);
        message.setHeader(BcConstants.DEPLOY_SKIPPED, true);
    }

    private static void appHeaders(Message message, AppManifest app) {
        message.setHeader(BcConstants.APP_ID, app.id());
        message.setHeader(BcConstants.APP_NAME, app.name());
        message.setHeader(BcConstants.APP_VERSION, app.version().toString());
    }

    private static void operationHeaders(Exchange exchange, String appId, AppOperation operation) {
        Message message = exchange.getMessage();
        message.setHeader(BcConstants.APP_ID, appId);
        message.setHeader(BcConstants.APP_OPERATION_ID, operation.id());
        message.setHeader(BcConstants.APP_OPERATION_STATUS, operation.status());
        message.setBody(operation);
    }
}
