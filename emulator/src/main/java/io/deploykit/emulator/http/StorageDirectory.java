package io.deploykit.emulator.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The directory where an emulator keeps its uploads: one it was given (kept on close) or a temporary one (deleted). */
public final class StorageDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageDirectory.class);

    private final Path root;
    private final boolean temporary;

    private StorageDirectory(Path root, boolean temporary) {
        this.root = root;
        this.temporary = temporary;
    }

    /**
     * This directory, created if missing, or when null a new temporary one named after the prefix, such as
     * {@code bc-emulator-}.
     */
    public static StorageDirectory open(Path directory, String temporaryPrefix) {
        try {
            if (directory != null) {
                return new StorageDirectory(Files.createDirectories(directory), false);
            }
            return new StorageDirectory(Files.createTempDirectory(temporaryPrefix), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the storage directory " + directory, e);
        }
    }

    public Path root() {
        return root;
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
