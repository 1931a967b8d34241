package io.deploykit.emulator.bc.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.deploykit.emulator.storage.StorageDirectory;

/**
 * Where the emulator keeps uploaded files: package files, pictures, and uploads still arriving. An upload is
 * written to a file of its own and moved into place only once whole, so a failed upload never damages a file.
 */
public final class Storage implements AutoCloseable {

    private final StorageDirectory directory;

    private Storage(StorageDirectory directory) {
        this.directory = directory;
        try {
            Files.createDirectories(root().resolve("packages"));
            Files.createDirectories(root().resolve("pictures"));
            Files.createDirectories(root().resolve("uploads"));
        } catch (IOException e) {
            directory.close();
            throw new UncheckedIOException("Cannot create the storage directory " + root(), e);
        }
    }

    /** Storage in this directory (kept on close), or in a new temporary one (deleted on close) when null. */
    public static Storage open(Path directory) {
        return new Storage(StorageDirectory.open(directory, "bc-emulator-"));
    }

    public Path root() {
        return directory.root();
    }

    public Path packageFile(String packageId) {
        return root().resolve("packages").resolve(packageId + ".rapidstart");
    }

    public Path pictureFile(String parentId) {
        return root().resolve("pictures").resolve(parentId);
    }

    /** A new, empty file for an upload to arrive in. */
    public Path newUpload() throws IOException {
        return Files.createTempFile(root().resolve("uploads"), "upload-", ".part");
    }

    /** Moves a complete upload into place, replacing what was there. */
    public void install(Path upload, Path target) throws IOException {
        Files.move(upload, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        directory.close();
    }
}
