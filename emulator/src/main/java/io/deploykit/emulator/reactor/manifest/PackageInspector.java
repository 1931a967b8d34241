package io.deploykit.emulator.reactor.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.JsonCodec;

/**
 * Reads an uploaded package from disk with {@link ZipFile}, which reads the central directory and the entries it is
 * asked for, never the whole archive.
 * <p>
 * The zip comes from a client, and the inspector runs inside the application that embeds the emulator, so what it
 * reads is bounded: the central directory (which {@code ZipFile} holds in memory), the number of entries, the size
 * of extension.json and how much it inflates. A zip over a limit fails processing with a zip error naming it.
 */
public final class PackageInspector {

    /** Far more files than an extension has (its build bundles them); {@code ZipFile} indexes every one. */
    static final int MAX_ENTRIES = 10_000;
    /** The central directory {@code ZipFile} reads whole: room for the entries above with long names. */
    static final long MAX_DIRECTORY_BYTES = 4L << 20;
    /** A manifest is a few kilobytes; this bounds what a hostile one can make the emulator hold. */
    static final int MAX_MANIFEST_BYTES = 1 << 20;
    /** How much more an entry read may inflate to than it takes in the zip: JSON gives 5 to 20. */
    static final int MAX_COMPRESSION_RATIO = 100;
    /** Below this, an entry read is small whatever its ratio (a manifest of spaces compresses well). */
    private static final int RATIO_GRACE_BYTES = 64 * 1024;

    private PackageInspector() {
    }

    /**
     * The manifest, as the upload request reads it to apply the rules that depend on the name, platform and version.
     * Empty when it cannot be read: the package is then still created, and its processing fails.
     */
    public static Optional<Manifest> readManifest(Path file) {
        try (ZipFile zip = open(file)) {
            return Optional.of(manifest(zip));
        } catch (IOException | InvalidPackageException e) {
            return Optional.empty();
        }
    }

    /** What processing makes of the package: its manifest and every error found. */
    public static Inspection inspect(Path file) {
        try (ZipFile zip = open(file)) {
            Manifest manifest = manifest(zip);
            return new Inspection(manifest, ManifestCheck.check(manifest, fileNames(zip)));
        } catch (InvalidPackageException e) {
            return Inspection.failed(e.error);
        } catch (ZipException e) {
            return Inspection.failed(ProcessingError.zip("The package is not a valid zip archive: " + e.getMessage()
                                                         + "."));
        } catch (IOException e) {
            return Inspection.failed(ProcessingError.zip("The package could not be read: " + e.getMessage() + "."));
        }
    }

    /** The zip, once its end records show a central directory within the bounds. */
    private static ZipFile open(Path file) throws IOException, InvalidPackageException {
        ZipDirectory.Declared declared = ZipDirectory.declared(file);
        if (declared.entries() > MAX_ENTRIES) {
            throw tooManyEntries();
        }
        if (declared.bytes() > MAX_DIRECTORY_BYTES) {
            throw new InvalidPackageException(ProcessingError.zip("The package's central directory is larger than "
                                                                  + MAX_DIRECTORY_BYTES + " bytes."));
        }
        ZipFile zip = new ZipFile(file.toFile());
        if (zip.size() > MAX_ENTRIES) { // counted, not declared
            zip.close();
            throw tooManyEntries();
        }
        return zip;
    }

    private static InvalidPackageException tooManyEntries() {
        return new InvalidPackageException(ProcessingError.zip("The package has more than " + MAX_ENTRIES
                                                               + " entries."));
    }

    private static Manifest manifest(ZipFile zip) throws IOException, InvalidPackageException {
        ZipEntry entry = zip.getEntry(Manifest.FILE_NAME);
        if (entry == null || entry.isDirectory()) {
            throw new InvalidPackageException(ProcessingError.zip("The package has no extension.json at its root"
                                                                  + nestedManifestHint(zip) + "."));
        }
        checkRatio(entry, entry.getSize()); // as declared: a bomb that says what it is is not read
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        checkRatio(entry, bytes.length); // as read: a declared size may lie
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new InvalidPackageException(ProcessingError.manifest("extension.json is larger than "
                                                                       + MAX_MANIFEST_BYTES + " bytes."));
        }
        JsonNode json;
        try {
            json = JsonCodec.MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new InvalidPackageException(ProcessingError.manifest("extension.json is over a limit: "
                                                                       + JsonCodec.describe(e) + "."));
        } catch (JsonProcessingException e) {
            throw new InvalidPackageException(ProcessingError.manifest("extension.json is not valid JSON: "
                                                                       + e.getOriginalMessage()));
        }
        if (json == null || !json.isObject()) {
            throw new InvalidPackageException(ProcessingError.manifest("extension.json does not hold a JSON object."));
        }
        return new Manifest((ObjectNode) json);
    }

    /** Refuses an entry that inflates to this many bytes, more than the ratio allows for its compressed size. */
    private static void checkRatio(ZipEntry entry, long inflated) throws InvalidPackageException {
        long compressed = Math.max(entry.getCompressedSize(), 1);
        if (inflated > RATIO_GRACE_BYTES && inflated > MAX_COMPRESSION_RATIO * compressed) {
            throw new InvalidPackageException(ProcessingError.zip(entry.getName() + " inflates to more than "
                                                                  + MAX_COMPRESSION_RATIO + " times its compressed "
                                                                  + "size of " + compressed + " bytes."));
        }
    }

    /** Where an extension.json was found instead, as archiving a folder rather than its content puts it. */
    private static String nestedManifestHint(ZipFile zip) {
        return zip.stream().map(ZipEntry::getName).filter(name -> name.endsWith("/" + Manifest.FILE_NAME))
                .findFirst().map(name -> " (there is one at " + name + ": zip the folder's content, not the folder)")
                .orElse("");
    }

    private static Set<String> fileNames(ZipFile zip) {
        Set<String> names = new HashSet<>();
        zip.stream().filter(entry -> !entry.isDirectory()).forEach(entry -> names.add(entry.getName()));
        return Collections.unmodifiableSet(names);
    }

    /** A package processing cannot go on with; carries the error to report. */
    private static final class InvalidPackageException extends Exception {

        private final transient ProcessingError error;

        InvalidPackageException(ProcessingError error) {
            super(error.detail(), null, false, false);
            this.error = error;
        }
    }
}
