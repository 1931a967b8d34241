package io.deploykit.camel.reactor;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.journal.DeployStep;
import io.deploykit.camel.core.support.Failures;
import io.deploykit.camel.core.support.OnceOnly;
import io.deploykit.camel.reactor.model.ExtensionPackage;

/**
 * One upload of an extension zip: a create, or an update of a package, then its processing.
 * <p>
 * Neither request is sent twice blindly. When one gets no clear answer (a 502 or 504, a connection broken after
 * sending), the package is read again: a create took effect if a development package of the zip's name and
 * platform now exists that was created after the request went out; an update took effect if the package's
 * {@code updated_at} moved. With a state repository each step is recorded before its request is sent, so an upload
 * taken up again after a crash, a stop or by another instance continues the same way, and one whose processing
 * succeeded is not repeated.
 */
final class PackageUpload {

    /** The steps of an upload; the names are what journals keep, so they never change. */
    enum Step {
        creating,
        updating,
        processing,
        processed,
        /** The processing failed: another try starts over. */
        failed
    }

    private static final Logger LOG = LoggerFactory.getLogger(PackageUpload.class);
    /** How far the server's clock may be behind ours when telling a package we created from an older one. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final ReactorApi api;
    private final DeployJournal.Entry journal;
    private final UploadBody zip;
    private final ExtensionManifest manifest;
    private volatile boolean skipped;

    PackageUpload(ReactorApi api, DeployJournal.Entry journal, UploadBody zip, ExtensionManifest manifest) {
        this.api = api;
        this.journal = journal;
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Whether the upload was found processed before for its deploy key, so that nothing was sent (said in a WARN). */
    boolean skipped() {
        return skipped;
    }

    /**
     * Continues an upload recorded before, if any; else runs {@code fresh}, which uploads through
     * {@link #create()} or {@link #update(ExtensionPackage)}. Completes with the package as the upload left it
     * (processing may still be under way).
     */
    CompletableFuture<ExtensionPackage> run(Supplier<CompletableFuture<ExtensionPackage>> fresh) {
        return journal.lastAsync().thenCompose(last -> runFrom(last, fresh));
    }

    private CompletableFuture<ExtensionPackage> runFrom(Optional<DeployStep> last,
                                                        Supplier<CompletableFuture<ExtensionPackage>> fresh) {
        Step kind = last.flatMap(recorded -> recorded.as(Step.class)).orElse(null);
        if (last.isEmpty() || kind == Step.failed) {
            return fresh.get();
        }
        DeployStep step = last.get();
        return resume(kind, step, fresh).exceptionallyCompose(failure -> {
            if (!(Failures.unwrap(failure) instanceof NotFoundException)) {
                return CompletableFuture.failedFuture(failure);
            }
            LOG.warn("Resuming the upload of {}: extension package {} no longer exists; starting over", zip.fileName(),
                    step.resourceId());
            return fresh.get();
        });
    }

    /** {@code kind} is null for a step name this version does not know. */
    private CompletableFuture<ExtensionPackage> resume(Step kind, DeployStep step,
                                                      Supplier<CompletableFuture<ExtensionPackage>> fresh) {
        if (kind == null) {
            return fresh.get(); // a step this version does not know: start over
        }
        return switch (kind) {
            case creating -> findCreated(step.at()).thenCompose(found -> {
                if (found.isPresent()) {
                    LOG.info("Resuming the upload of {}: extension package {} was created by the request sent before",
                            zip.fileName(), found.get().getId());
                    return processing(found.get());
                }
                LOG.info("Resuming the upload of {}: the create sent before did not take effect", zip.fileName());
                return fresh.get();
            });
            case updating -> api.get(step.resourceId()).thenCompose(now -> {
                if (!Objects.equals(now.getUpdatedAt(), step.marker())) {
                    LOG.info("Resuming the upload of {}: extension package {} was updated by the request sent before",
                            zip.fileName(), now.getId());
                    return processing(now);
                }
                LOG.info("Resuming the upload of {}: the update sent before did not take effect", zip.fileName());
                return update(now);
            });
            case processing -> api.get(step.resourceId()).thenApply(now -> {
                LOG.info("Resuming the upload of {}: extension package {} was uploaded from this file before and is {}:"
                         + " not sent again", zip.fileName(), now.getId(), now.getStatus());
                return now;
            });
            case processed -> api.get(step.resourceId()).thenApply(now -> {
                skipped = true;
                LOG.warn("Extension package {} was uploaded from {} before and is {}: not sent again (the zip was not"
                         + " moved out of the inbox since, or its deploy key was given)", now.getId(), zip.fileName(),
                        now.getStatus());
                return now;
            });
            case failed -> fresh.get(); // handled by run(); starting over is its meaning
        };
    }

    /** Creates a new package from the zip, or finds the one an earlier create made whose answer was lost. */
    CompletableFuture<ExtensionPackage> create() {
        return journal.recordAsync(Step.creating, null, null).thenCompose(step -> OnceOnly.send(
                "The create of extension package " + manifest.name() + " " + manifest.version(),
                () -> api.create(zip), () -> findCreated(step.at()), LOG)).thenCompose(this::processing);
    }

    /**
     * A new zip onto this package (as last read: its {@code updated_at} moves when an update takes effect, which tells
     * an update whose answer was lost).
     */
    CompletableFuture<ExtensionPackage> update(ExtensionPackage target) {
        return journal.recordAsync(Step.updating, target.getId(), target.getUpdatedAt()).thenCompose(recorded ->
                OnceOnly.send("The update of extension package " + target.getId(), () -> api.update(target.getId(), zip),
                        () -> api.get(target.getId()).thenApply(now -> Optional.of(now)
                                .filter(pkg -> !Objects.equals(pkg.getUpdatedAt(), target.getUpdatedAt()))), LOG))
                .thenCompose(this::processing);
    }

    /** Records the end of the processing: done, or failed (then another try starts over). */
    CompletableFuture<DeployStep> processed(ExtensionPackage pkg, Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (pkg != null && ExtensionPackage.SUCCEEDED.equals(pkg.getStatus())) {
            return journal.recordAsync(Step.processed, pkg.getId(), null);
        } else if (cause instanceof ReactorPackageFailedException failed) {
            return journal.recordAsync(Step.failed, failed.getExtensionPackage().getId(), null);
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<ExtensionPackage> processing(ExtensionPackage pkg) {
        return journal.recordAsync(Step.processing, pkg.getId(), null).thenApply(recorded -> pkg);
    }

    /** The development package of the zip's name and platform created since {@code sent} (less the clock skew). */
    private CompletableFuture<Optional<ExtensionPackage>> findCreated(Instant sent) {
        return api.findDevelopment(manifest.name(), manifest.platform())
                .thenApply(found -> found.filter(pkg -> createdSince(pkg, sent)));
    }

    private static boolean createdSince(ExtensionPackage pkg, Instant sent) {
        if (pkg.getCreatedAt() == null || sent == null) {
            return false;
        }
        try {
            return !Instant.parse(pkg.getCreatedAt()).isBefore(sent.minus(CLOCK_SKEW));
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
