package io.deploykit.emulator.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory where an emulator keeps its uploads: one it was given (kept on close) or a temporary one (deleted).
 * <p>
 * A temporary directory outlives a process killed without a chance to close it (kill -9, a crash), and may hold
 * gigabytes of uploads. So it is named after its process ({@code bc-emulator-<pid>-<random>}) and marked as that
 * process's ({@link StorageOwner}); opening a temporary directory first deletes those of every emulator
 * ({@code *-emulator-<pid>-*}) whose process is gone. A directory without the mark, such as one given to keep, is never
 * deleted.
 */
public final class StorageDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageDirectory.class);

    private static final String EMULATOR = "-emulator-";
    /** {@code bc-emulator-<pid>-<random>}, {@code reactor-emulator-<pid>-<random>}. */
    private static final Pattern TEMPORARY_NAME = Pattern.compile("[a-z0-9]+" + EMULATOR + "(\\d{1,18})-.*");

    private final Path root;
    /** The mark of a temporary directory; null for one given to keep. */
    private final StorageOwner owner;

    private StorageDirectory(Path root, StorageOwner owner) {
        this.root = root;
        this.owner = owner;
    }

    /**
     * This directory, created if missing, or when null a new temporary one named after the prefix, which ends with
     * {@code -emulator-} (such as {@code bc-emulator-}), once those that killed processes left behind are deleted.
     */
    public static StorageDirectory open(Path directory, String temporaryPrefix) {
        return open(directory, temporaryPrefix, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #open(Path, String)}, with temporary directories in {@code temporaryRoot}. */
    static StorageDirectory open(Path directory, String temporaryPrefix, Path temporaryRoot) {
        try {
            if (directory != null) {
                Files.createDirectories(directory);
                // a temporary directory given to keep is no longer one: no later start may delete it
                Files.deleteIfExists(directory.resolve(StorageOwner.FILE));
                return new StorageDirectory(directory, null);
            }
            if (!temporaryPrefix.endsWith(EMULATOR)) {
                throw new IllegalArgumentException("A temporary prefix ends with " + EMULATOR + ": " + temporaryPrefix);
            }
            sweep(temporaryRoot);
            Path created = Files.createTempDirectory(temporaryRoot,
                    temporaryPrefix + ProcessHandle.current().pid() + "-");
            return new StorageDirectory(created, StorageOwner.mark(created));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the storage directory "
                                           + (directory == null ? "in " + temporaryRoot : directory), e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() {
        if (owner != null) {
            owner.close();
            delete(root);
        }
    }

    /** Deletes the temporary directories of emulators whose process is gone. */
    static void sweep(Path temporaryRoot) {
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(temporaryRoot, "*" + EMULATOR + "*")) {
            for (Path candidate : candidates) {
                Matcher matcher = TEMPORARY_NAME.matcher(candidate.getFileName().toString());
                if (matcher.matches() && Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)
                    && StorageOwner.abandoned(candidate, Long.parseLong(matcher.group(1)))) {
                    LOG.info("Deleting {}, left behind by a process that ended without closing it", candidate);
                    delete(candidate);
                }
            }
        } catch (IOException | RuntimeException e) { // a sweep that fails must not stop a start
            LOG.warn("Could not look for storage left behind in {}: {}", temporaryRoot, e.toString());
        }
    }

    /** Deletes a directory and what it holds, without following links out of it. */
    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the temporary storage {}: {}", directory, e.toString());
        }
    }
}
