package io.deploykit.emulator.reactor.packages;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.deploykit.emulator.reactor.ExtensionPackageSnapshot;
import io.deploykit.emulator.reactor.manifest.Inspection;
import io.deploykit.emulator.reactor.manifest.Manifest;
import io.deploykit.emulator.reactor.manifest.ProcessingError;

/**
 * An extension package at one moment; immutable, so that readers never see one half changed.
 *
 * @param sequence     the order of creation, which breaks ties between equal timestamps
 * @param manifest     the extension.json of the latest zip that had a readable one; null when none had
 * @param errors       why the latest processing failed
 * @param revision     counts the zips uploaded, so that the processing of a replaced zip is ignored
 * @param zip          the latest zip; null for a seeded package
 * @param createdBy    the IMS client whose token created the package; null for a seeded package
 * @param updatedBy    the IMS client whose token last changed it (a zip, a release); null for a seeded package
 */
public record PackageState(String id, long sequence, Manifest manifest, Availability availability,
                           ProcessingStatus status, boolean discontinued, List<ProcessingError> errors, int revision,
                           Path zip, Instant createdAt, Instant updatedAt, String ownerOrgId, String createdBy,
                           String updatedBy) {

    public PackageState {
        errors = List.copyOf(errors);
    }

    String name() {
        return manifest == null ? null : manifest.name();
    }

    String version() {
        return manifest == null ? null : manifest.version();
    }

    String platform() {
        return manifest == null ? null : manifest.platform();
    }

    /** Whether this is a package of the extension with this name and platform. */
    boolean isOf(String extensionName, String extensionPlatform) {
        return extensionName.equals(name()) && extensionPlatform.equals(platform());
    }

    /** With a new zip, pending; the manifest is kept when the new zip's cannot be read. */
    PackageState uploaded(Manifest newManifest, Path newZip, Instant now, String actor) {
        return new PackageState(id, sequence, newManifest == null ? manifest : newManifest, availability,
                ProcessingStatus.PENDING, discontinued, List.of(), revision + 1, newZip, createdAt, now, ownerOrgId,
                createdBy, actor);
    }

    PackageState processed(Inspection inspection, Instant now) {
        ProcessingStatus outcome = inspection.succeeded() ? ProcessingStatus.SUCCEEDED : ProcessingStatus.FAILED;
        return new PackageState(id, sequence, inspection.manifest() == null ? manifest : inspection.manifest(),
                availability, outcome, discontinued, inspection.errors(), revision, zip, createdAt, now, ownerOrgId,
                createdBy, updatedBy);
    }

    PackageState released(Instant now, String actor) {
        return new PackageState(id, sequence, manifest, Availability.PRIVATE, status, discontinued, errors, revision,
                zip, createdAt, now, ownerOrgId, createdBy, actor);
    }

    PackageState discontinued(Instant now, String actor) {
        return new PackageState(id, sequence, manifest, availability, status, true, errors, revision, zip, createdAt,
                now, ownerOrgId, createdBy, actor);
    }

    public ExtensionPackageSnapshot snapshot() {
        return new ExtensionPackageSnapshot(id, name(), version(), platform(), availability.apiName(),
                status.apiName(), discontinued, errors, createdAt, updatedAt);
    }
}
