package io.deploykit.emulator.reactor;

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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.Json;

/**
 * Reads an uploaded package from disk with {@link ZipFile}, which reads the central directory and the entries it is
 * asked for, never the whole archive.
 */
final class PackageInspector {

    /** A manifest is a few kilobytes; this bounds what a hostile one can make the emulator hold. */
    private static final int MAX_MANIFEST_BYTES = 4 << 20;

    private PackageInspector() {
    }

    /**
     * The manifest, as the upload request reads it to apply the rules that depend on the name, platform and version.
     * Empty when it cannot be read: the package is then still created, and its processing fails.
     */
    static Optional<Manifest> readManifest(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return Optional.of(manifest(zip));
        } catch (IOException | InvalidPackageException e) {
            return Optional.empty();
        }
    }

    /** What processing makes of the package: its manifest and every error found. */
    static Inspection inspect(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
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

    private static Manifest manifest(ZipFile zip) throws IOException, InvalidPackageException {
        ZipEntry entry = zip.getEntry(Manifest.FILE_NAME);
        if (entry == null || entry.isDirectory()) {
            throw new InvalidPackageException(ProcessingError.zip("The package has no extension.json at its root"
                                                                  + nestedManifestHint(zip) + "."));
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new InvalidPackageException(ProcessingError.manifest("extension.json is larger than "
                                                                       + MAX_MANIFEST_BYTES + " bytes."));
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidPackageException(ProcessingError.manifest("extension.json is not valid JSON: "
                                                                       + e.getOriginalMessage()));
        }
        if (json == null || !json.isObject()) {
            throw new InvalidPackageException(ProcessingError.manifest("extension.json does not hold a JSON object."));
        }
        return new Manifest((ObjectNode) json);
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
