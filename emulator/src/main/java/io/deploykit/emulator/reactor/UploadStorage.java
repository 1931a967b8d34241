package io.deploykit.emulator.reactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The directory where uploads arrive and the packages' zips stay; a temporary one is deleted on close. */
final class UploadStorage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UploadStorage.class);

    private final Path root;
    private final boolean temporary;

    private UploadStorage(Path root, boolean temporary) {
        this.root = root;
        this.temporary = temporary;
    }

    /** Storage in this directory (kept on close), or in a new temporary one (deleted on close) when null. */
    static UploadStorage open(Path directory) {
        try {
            if (directory != null) {
                return new UploadStorage(Files.createDirectories(directory), false);
            }
            return new UploadStorage(Files.createTempDirectory("reactor-emulator-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the storage directory " + directory, e);
        }
    }

    Path root() {
        return root;
    }

    /** A new empty file, such as {@code upload-123.zip} for {@code suffix} {@code .zip}. */
    Path newFile(String suffix) throws IOException {
        return Files.createTempFile(root, "upload-", suffix);
    }

    /** Deletes a file no longer needed; a failure (a file still open on Windows) only leaves it until close. */
    void discard(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {} now: {}", file, e.toString());
        }
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
