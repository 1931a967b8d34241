package io.deploykit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for one benchmark's files and logs, deleted with everything in it on close. */
final class Workspace implements AutoCloseable {

    private final Path dir;

    Workspace(String name) throws IOException {
        this.dir = Files.createTempDirectory("deploykit-bench-" + name + "-");
    }

    Path dir() {
        return dir;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** @throws IllegalStateException when the disk holding the workspace has less room than needed */
    void requireFree(long bytes) throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        if (free < bytes) {
            throw new IllegalStateException("Needs " + (bytes >> 20) + " MiB free in " + dir + ", has " + (free >> 20));
        }
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete all of " + dir + ": " + e.getMessage());
        }
    }
}
