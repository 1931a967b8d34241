package io.deploykit.emulator.reactor.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.emulator.storage.StorageDirectory;

/** The directory where uploads arrive and the packages' zips stay; a temporary one is deleted on close. */
public final class UploadStorage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UploadStorage.class);

    private final StorageDirectory directory;

    private UploadStorage(StorageDirectory directory) {
        this.directory = directory;
    }

    /** Storage in this directory (kept on close), or in a new temporary one (deleted on close) when null. */
    public static UploadStorage open(Path directory) {
        return new UploadStorage(StorageDirectory.open(directory, "reactor-emulator-"));
    }

    public Path root() {
        return directory.root();
    }

    /** A new empty file, such as {@code upload-123.zip} for {@code suffix} {@code .zip}. */
    Path newFile(String suffix) throws IOException {
        return Files.createTempFile(root(), "upload-", suffix);
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
        directory.close();
    }
}
