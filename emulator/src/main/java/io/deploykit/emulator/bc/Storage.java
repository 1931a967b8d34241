package io.deploykit.emulator.bc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the emulator keeps uploaded files: package files, pictures, and uploads still arriving. An upload is
 * written to a file of its own and moved into place only once whole, so a failed upload never damages a file.
 */
final class Storage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

    private final Path root;
    private final boolean temporary;

    private Storage(Path root, boolean temporary) {
        this.root = root;
        this.temporary = temporary;
        try {
            Files.createDirectories(root.resolve("packages"));
            Files.createDirectories(root.resolve("pictures"));
            Files.createDirectories(root.resolve("uploads"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the storage directory " + root, e);
        }
    }

    /** Storage in this directory (kept on close), or in a new temporary one (deleted on close) when null. */
    static Storage open(Path directory) {
        if (directory != null) {
            return new Storage(directory, false);
        }
        try {
            return new Storage(Files.createTempDirectory("bc-emulator-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary storage directory", e);
        }
    }

    Path root() {
        return root;
    }

    Path packageFile(String packageId) {
        return root.resolve("packages").resolve(packageId + ".rapidstart");
    }

    Path pictureFile(String parentId) {
        return root.resolve("pictures").resolve(parentId);
    }

    /** A new, empty file for an upload to arrive in. */
    Path newUpload() throws IOException {
        return Files.createTempFile(root.resolve("uploads"), "upload-", ".part");
    }

    /** Moves a complete upload into place, replacing what was there. */
    void install(Path upload, Path target) throws IOException {
        Files.move(upload, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary storage {}: {}", root, e.toString());
        }
    }
}
