package io.deploykit.camel.bc;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.journal.DeployStep;
import io.deploykit.camel.core.support.Failures;

/**
 * One deploy of a RapidStart file into a company: replace any package with the file's code by a new one, upload the
 * file, import it, apply it, waiting for each job.
 * <p>
 * Each step is recorded in the journal before its request is sent. A deploy taken up again (after a crash, a stop,
 * or by another instance) reads where its package stands on the server and continues from there: it never sends
 * again a create, an import or an apply that took effect, and a deploy that completed is not repeated. Without a
 * state repository the journal keeps nothing and every deploy starts from the beginning.
 */
final class PackageDeployment {

    /** The steps, in the order a deploy records them; the names are what journals keep, so they never change. */
    enum Step {
        replacing,
        creating,
        uploading,
        importing,
        applying,
        deployed,
        /** A job of the package ended in Error or the apply left record errors: another try starts over. */
        failed
    }

    private static final Logger LOG = LoggerFactory.getLogger(PackageDeployment.class);

    private final BcEndpoint endpoint;
    private final BcConfiguration config;
    private final PackageActions actions;
    private final DeployJournal.Entry journal;
    private final String company;
    private final String code;
    private final String name;
    private final UploadBody file;
    private final ConfigurationPackageJob importJob = ConfigurationPackageJob.importJob();
    private final ConfigurationPackageJob applyJob;
    private volatile boolean skipped;

    PackageDeployment(BcEndpoint endpoint, DeployJournal.Entry journal, String company, String code, String name,
                      UploadBody file) {
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.actions = new PackageActions(endpoint);
        this.journal = journal;
        this.company = company;
        this.code = code;
        this.name = name;
        this.file = file;
        this.applyJob = ConfigurationPackageJob.applyJob(config.isFailOnRecordErrors());
    }

    /** Whether the deploy was found completed before, so that nothing was sent (said in a WARN). */
    boolean skipped() {
        return skipped;
    }

    /** Runs the deploy, or what is left of it; completes with the package as last read. */
    CompletableFuture<ConfigurationPackage> run() {
        return journal.lastAsync().thenCompose(this::runFrom);
    }

    private CompletableFuture<ConfigurationPackage> runFrom(Optional<DeployStep> last) {
        Step step = last.flatMap(recorded -> recorded.as(Step.class)).orElse(null);
        CompletableFuture<ConfigurationPackage> deployed;
        if (last.isEmpty() || step == Step.failed || step == Step.replacing) {
            deployed = replace(); // no create was sent yet: a package with the code is an older one
        } else if (step == Step.creating) {
            deployed = adoptOrCreate();
        } else {
            deployed = resume(last.get(), step);
        }
        return deployed.exceptionallyCompose(failure -> {
            if (Failures.unwrap(failure) instanceof BcPackageFailedException failed) {
                // the job's failure is the news, whether or not the journal could record it
                return journal.recordAsync(Step.failed, failed.getConfigurationPackage().getId(), null)
                        .handle((recorded, notRecorded) -> null)
                        .thenCompose(v -> CompletableFuture.failedFuture(failure));
            }
            return CompletableFuture.failedFuture(failure);
        });
    }

    private CompletableFuture<ConfigurationPackage> replace() {
        return journal.recordAsync(Step.replacing, null, null)
                .thenCompose(recorded -> endpoint.packageLookups().byCode(company, code))
                .thenCompose(found -> found.isEmpty() ? CompletableFuture.completedFuture(null)
                        : endpoint.api().deletePackage(company, found.get()).thenRun(() -> LOG.info(
                                "Deleted the previous configuration package {} (id {})", code, found.get().getId())))
                .thenCompose(v -> create());
    }

    private CompletableFuture<ConfigurationPackage> create() {
        return journal.recordAsync(Step.creating, null, null)
                .thenCompose(recorded -> actions.create(company, code, name))
                .thenCompose(pkg -> {
                    LOG.info("Created configuration package {} (id {})", code, pkg.getId());
                    return upload(pkg);
                });
    }

    /** A create was sent before the deploy stopped: the package with the code, if there is one, is what it made. */
    private CompletableFuture<ConfigurationPackage> adoptOrCreate() {
        return endpoint.api().findPackageByCode(company, code).thenCompose(found -> {
            if (found.isEmpty()) {
                LOG.info("Resuming the deploy of {}: the create sent before did not take effect", code);
                return create();
            }
            LOG.info("Resuming the deploy of {}: configuration package {} (id {}) was created before", code, code,
                    found.get().getId());
            return upload(found.get());
        });
    }

    private CompletableFuture<ConfigurationPackage> upload(ConfigurationPackage pkg) {
        return journal.recordAsync(Step.uploading, pkg.getId(), null)
                .thenCompose(recorded -> endpoint.api().uploadFile(company, pkg, file))
                .thenCompose(v -> {
                    LOG.info("Uploaded {} ({} bytes) into configuration package {}", file.fileName(), file.length(), code);
                    return startImport(pkg);
                });
    }

    private CompletableFuture<ConfigurationPackage> startImport(ConfigurationPackage pkg) {
        return journal.recordAsync(Step.importing, pkg.getId(), null)
                .thenCompose(recorded -> actions.start(company, pkg, importJob))
                .thenCompose(v -> {
                    LOG.info("Started the import of configuration package {}", code);
                    return await(pkg, importJob);
                })
                .thenCompose(this::startApply);
    }

    private CompletableFuture<ConfigurationPackage> startApply(ConfigurationPackage pkg) {
        return journal.recordAsync(Step.applying, pkg.getId(), null)
                .thenCompose(recorded -> actions.start(company, pkg, applyJob))
                .thenCompose(v -> {
                    LOG.info("Started the apply of configuration package {}", code);
                    return config.isWaitForCompletion() ? await(pkg, applyJob).thenCompose(this::deployed)
                            : endpoint.api().getPackage(company, pkg.getId());
                });
    }

    /** Continues a deploy recorded past its create, from where its package stands now. */
    private CompletableFuture<ConfigurationPackage> resume(DeployStep last, Step step) {
        return endpoint.api().getPackage(company, last.resourceId()).handle((pkg, failure) -> {
            if (failure == null) {
                return continueFrom(step, last, pkg);
            }
            if (Failures.unwrap(failure) instanceof NotFoundException) {
                if (step == Step.deployed) {
                    skipped = true;
                    LOG.warn("Configuration package {} was deployed from this file before ({}), and not sent again,"
                             + " although it no longer exists (id {}): the file is still in the inbox since, or its"
                             + " deploy key was given; drop it again once moved out, or give another deploy key, to"
                             + " deploy it again", code, file.fileName(), last.resourceId());
                    return CompletableFuture.completedFuture(deployedBefore(last));
                }
                LOG.warn("Resuming the deploy of {}: its configuration package (id {}) no longer exists; starting over",
                        code, last.resourceId());
                return replace();
            }
            return CompletableFuture.<ConfigurationPackage>failedFuture(failure);
        }).thenCompose(next -> next);
    }

    /** {@code step} is null for a step name this version does not know. */
    private CompletableFuture<ConfigurationPackage> continueFrom(Step step, DeployStep last, ConfigurationPackage pkg) {
        if (step == null) {
            LOG.warn("Resuming the deploy of {}: unknown step '{}' recorded; starting over", code, last.step());
            return replace();
        }
        return switch (step) {
            case uploading -> {
                LOG.info("Resuming the deploy of {}: uploading the file into configuration package {} (id {}) again",
                        code, code, pkg.getId());
                yield upload(pkg);
            }
            case importing -> continueImport(pkg);
            case applying -> continueApply(pkg);
            case deployed -> {
                skipped = true;
                LOG.warn("Configuration package {} (id {}) was deployed from {} before ({}): not sent again (the file"
                         + " was not moved out of the inbox since, or its deploy key was given)", code, pkg.getId(),
                        file.fileName(), applyJob.describe(pkg));
                yield CompletableFuture.completedFuture(pkg);
            }
            // resume() is reached past the create only: these are not read here, but a start over is their meaning
            case replacing, creating, failed -> replace();
        };
    }

    private CompletableFuture<ConfigurationPackage> continueImport(ConfigurationPackage pkg) {
        LOG.info("Resuming the deploy of {}: the import was requested before; configuration package {} (id {}) shows {}",
                code, code, pkg.getId(), importJob.describe(pkg));
        if (!importJob.hasStarted(pkg)) {
            return startImport(pkg);
        }
        if (!importJob.isFinished(pkg)) {
            return await(pkg, importJob).thenCompose(this::startApply);
        }
        RuntimeException failed = importJob.failure(pkg);
        return failed != null ? CompletableFuture.failedFuture(failed) : startApply(pkg);
    }

    private CompletableFuture<ConfigurationPackage> continueApply(ConfigurationPackage pkg) {
        LOG.info("Resuming the deploy of {}: the apply was requested before; configuration package {} (id {}) shows {}",
                code, code, pkg.getId(), applyJob.describe(pkg));
        if (!applyJob.hasStarted(pkg)) {
            return startApply(pkg);
        }
        if (!applyJob.isFinished(pkg)) {
            return config.isWaitForCompletion() ? await(pkg, applyJob).thenCompose(this::deployed)
                    : CompletableFuture.completedFuture(pkg);
        }
        RuntimeException failed = applyJob.failure(pkg);
        return failed != null ? CompletableFuture.failedFuture(failed) : deployed(pkg);
    }

    private CompletableFuture<ConfigurationPackage> deployed(ConfigurationPackage pkg) {
        return journal.recordAsync(Step.deployed, pkg.getId(), null).thenApply(recorded -> pkg);
    }

    /** The package of a deploy that completed, as recorded, when the package itself was deleted since. */
    private ConfigurationPackage deployedBefore(DeployStep last) {
        ConfigurationPackage pkg = new ConfigurationPackage();
        pkg.setId(last.resourceId());
        pkg.setCode(code);
        pkg.setImportStatus(ConfigurationPackage.COMPLETED);
        pkg.setApplyStatus(ConfigurationPackage.COMPLETED);
        return pkg;
    }

    private CompletableFuture<ConfigurationPackage> await(ConfigurationPackage pkg, ConfigurationPackageJob job) {
        return endpoint.awaitJob(company, pkg, job);
    }
}
