package io.deploykit.emulator.reactor.packages;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.deploykit.emulator.reactor.AcceptedUpload;
import io.deploykit.emulator.reactor.PackageRelease;
import io.deploykit.emulator.reactor.ReactorHistory;
import io.deploykit.emulator.reactor.jsonapi.ApiProblem;
import io.deploykit.emulator.reactor.manifest.Inspection;
import io.deploykit.emulator.reactor.manifest.Manifest;
import io.deploykit.emulator.reactor.manifest.Semver;

/**
 * The extension packages and the rules of their life:
 * <ul>
 *   <li>one development package per extension (name and platform);</li>
 *   <li>a new zip's version is greater than every private or public version of its extension;</li>
 *   <li>only a development package takes a new zip or can be deleted;</li>
 *   <li>only a development package whose processing succeeded can be released, once;</li>
 *   <li>a name owned by another organization cannot be used.</li>
 * </ul>
 * Changes run one at a time (the rules span packages); reads see immutable states without waiting. A refused
 * change throws {@link ApiProblem}. Accepted uploads and releases go into the history, in the order of the changes.
 */
public final class PackageStore {

    private final Map<String, PackageState> packages = new ConcurrentHashMap<>();
    private final Set<String> foreignNames = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final String orgId;
    private final UploadStorage storage;
    private final ReactorHistory history;
    private long sequence; // guarded by this

    public PackageStore(Clock clock, String orgId, UploadStorage storage, ReactorHistory history) {
        this.clock = clock;
        this.orgId = orgId;
        this.storage = storage;
        this.history = history;
    }

    /**
     * A new development package, pending, for a zip already on disk.
     *
     * @param manifest the zip's manifest, or null when it cannot be read (the package is created; processing fails)
     */
    synchronized PackageState create(Manifest manifest, ReceivedZip zip, String actor) {
        if (manifest != null) {
            checkContent(null, manifest);
        }
        Instant now = now();
        PackageState created = new PackageState(newId(), sequence++, manifest, Availability.DEVELOPMENT,
                ProcessingStatus.PENDING, false, List.of(), 1, zip.file(), now, now, orgId, actor, actor);
        packages.put(created.id(), created);
        history.uploads().add(upload(created.id(), manifest, zip, true, now));
        return created;
    }

    /** A new zip for a development package: pending again. The previous zip is deleted. */
    synchronized PackageState upload(String id, Manifest manifest, ReceivedZip zip, String actor) {
        PackageState current = require(id);
        if (current.availability() != Availability.DEVELOPMENT) {
            throw ApiProblem.readOnly("The extension package " + id + " is " + current.availability().apiName()
                                      + ": only a development package takes a new zip. Create a new package with "
                                      + "a greater version instead.");
        }
        if (manifest != null) {
            checkContent(current, manifest);
        }
        Instant now = now();
        PackageState updated = current.uploaded(manifest, zip.file(), now, actor);
        packages.put(id, updated);
        storage.discard(current.zip());
        history.uploads().add(upload(id, manifest, zip, false, now));
        return updated;
    }

    synchronized PackageState releasePrivate(String id, String actor) {
        PackageState current = require(id);
        if (current.availability() != Availability.DEVELOPMENT) {
            throw ApiProblem.readOnly("The extension package " + id + " is already "
                                      + current.availability().apiName()
                                      + ": a release can be neither repeated nor undone.");
        }
        if (current.status() != ProcessingStatus.SUCCEEDED) {
            throw ApiProblem.invalidStatus("The extension package " + id + " is " + current.status().apiName()
                                           + ": only a package whose processing succeeded can be released.");
        }
        checkVersionAboveReleases(current.name(), current.platform(), current.version());
        Instant now = now();
        PackageState released = current.released(now, actor);
        packages.put(id, released);
        history.releases().add(new PackageRelease(id, released.name(), released.platform(), released.version(), now));
        return released;
    }

    synchronized PackageState discontinue(String id, String actor) {
        PackageState discontinued = require(id).discontinued(now(), actor);
        packages.put(id, discontinued);
        return discontinued;
    }

    synchronized void delete(String id) {
        PackageState current = require(id);
        if (current.availability() != Availability.DEVELOPMENT) {
            throw ApiProblem.readOnly("The extension package " + id + " is " + current.availability().apiName()
                                      + ": only a development package can be deleted.");
        }
        packages.remove(id);
        storage.discard(current.zip());
    }

    /**
     * Ends the processing of a package's zip.
     *
     * @return false when the package was deleted or got a newer zip meanwhile (the outcome is then dropped)
     */
    synchronized boolean completeProcessing(String id, int revision, Inspection inspection) {
        PackageState current = packages.get(id);
        if (!isCurrent(current, revision)) {
            return false;
        }
        packages.put(id, current.processed(inspection, now()));
        return true;
    }

    /** Whether this revision is the package's latest zip, still waiting for its processing. */
    boolean isCurrent(String id, int revision) {
        return isCurrent(packages.get(id), revision);
    }

    private static boolean isCurrent(PackageState state, int revision) {
        return state != null && state.revision() == revision && state.status() == ProcessingStatus.PENDING;
    }

    /** A package that exists without an upload, as if processed long ago: for tests of the version rules. */
    public synchronized PackageState seed(Manifest manifest, Availability availability) {
        if (availability == Availability.DEVELOPMENT) {
            checkContent(null, manifest);
        }
        Instant now = now();
        PackageState seeded = new PackageState(newId(), sequence++, manifest, availability,
                ProcessingStatus.SUCCEEDED, false, List.of(), 1, null, now, now, orgId, null, null);
        packages.put(seeded.id(), seeded);
        return seeded;
    }

    /** From now on, packages of this name are refused as the name belongs to another organization. */
    public void ownedByAnotherOrg(String name) {
        foreignNames.add(name);
    }

    public Optional<PackageState> find(String id) {
        return Optional.ofNullable(packages.get(id));
    }

    PackageState require(String id) {
        PackageState state = packages.get(id);
        if (state == null) {
            throw ApiProblem.notFound(id);
        }
        return state;
    }

    /** Every package, in the order of creation. */
    public List<PackageState> all() {
        return packages.values().stream().sorted(Comparator.comparingLong(PackageState::sequence)).toList();
    }

    /**
     * The rules on the manifest of a new zip, for a new package ({@code self} null) or a new zip of {@code self}.
     * A manifest without a name or a platform passes: its processing fails.
     */
    private void checkContent(PackageState self, Manifest manifest) {
        String name = manifest.name();
        String platform = manifest.platform();
        if (name == null || platform == null) {
            return;
        }
        if (foreignNames.contains(name)) {
            throw ApiProblem.invalidName("The extension name " + name + " belongs to another organization: choose "
                                         + "another name.");
        }
        if (self != null && self.name() != null && !self.isOf(name, platform)) {
            throw ApiProblem.invalidName("The zip is the extension " + name + " (" + platform + "), but the package "
                                         + self.id() + " is the extension " + self.name() + " (" + self.platform()
                                         + "): create a package for it instead.");
        }
        for (PackageState other : packages.values()) {
            boolean another = self == null || !other.id().equals(self.id());
            if (another && other.availability() == Availability.DEVELOPMENT && other.isOf(name, platform)) {
                throw ApiProblem.notUnique("The extension " + name + " (" + platform + ") already has a development "
                                           + "package, " + other.id() + ": update it instead of creating another.");
            }
        }
        checkVersionAboveReleases(name, platform, manifest.version());
    }

    /**
     * A version must be greater than every private or public version of its extension; a version that is not
     * semantic passes here, as its processing fails.
     */
    private void checkVersionAboveReleases(String name, String platform, String version) {
        Optional<Semver> parsed = Semver.parse(version);
        if (name == null || platform == null || parsed.isEmpty()) {
            return;
        }
        packages.values().stream()
                .filter(other -> other.availability() != Availability.DEVELOPMENT && other.isOf(name, platform))
                .filter(other -> Semver.parse(other.version()).map(v -> v.compareTo(parsed.get()) >= 0).orElse(false))
                .max(Comparator.comparing(other -> Semver.parse(other.version()).orElseThrow()))
                .ifPresent(highest -> {
                    throw ApiProblem.invalidVersion("The version " + version + " of the extension " + name + " ("
                                                    + platform + ") is not greater than its "
                                                    + highest.availability().apiName() + " version "
                                                    + highest.version() + " (" + highest.id() + "): a new package "
                                                    + "needs a greater version.");
                });
    }

    private static AcceptedUpload upload(String id, Manifest manifest, ReceivedZip zip, boolean created,
                                        Instant now) {
        return manifest == null ? new AcceptedUpload(id, null, null, null, zip.sha256(), created, now)
                : new AcceptedUpload(id, manifest.name(), manifest.platform(), manifest.version(), zip.sha256(),
                        created, now);
    }

    /** {@code EP} and 32 lower-case hexadecimal digits, as Adobe's ids. */
    private static String newId() {
        return "EP" + UUID.randomUUID().toString().replace("-", "");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
