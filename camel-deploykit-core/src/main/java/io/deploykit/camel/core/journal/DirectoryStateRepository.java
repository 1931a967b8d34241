package io.deploykit.camel.core.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

import io.deploykit.camel.core.error.DeployKitException;

/**
 * A {@link StateRepository} in a local directory, one small file per key, each written whole to a temporary file
 * and then renamed over the old one: a crash at any moment leaves either the old value or the new one, never half
 * of one. For one instance; instances that share a store use a database (see {@link JdbcStateRepository}).
 */
public class DirectoryStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final String TEMPORARY = ".tmp-";

    private final Path directory;

    public DirectoryStateRepository(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** The directory by name, as bean definitions in YAML or XML give it. */
    public DirectoryStateRepository(String directory) {
        this(Path.of(directory));
    }

    public Path getDirectory() {
        return directory;
    }

    @Override
    protected void doStart() throws Exception {
        Files.createDirectories(directory);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, TEMPORARY + "*")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover); // a write that a crash cut short; the value it replaced is intact
            }
        }
    }

    @Override
    public void setState(String key, String value) {
        Path target = fileOf(key);
        try {
            Path temp = Files.createTempFile(directory, TEMPORARY, "");
            try {
                Files.writeString(temp, value, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new DeployKitException("Cannot write the state " + key + " into " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String getState(String key) {
        try {
            return Files.readString(fileOf(key), StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return null;
        } catch (IOException e) {
            throw new DeployKitException("Cannot read the state " + key + " from " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the states last written before {@code age} ago; returns how many. */
    public int purgeOlderThan(Duration age) {
        FileTime before = FileTime.from(Instant.now().minus(age));
        int purged = 0;
        try (DirectoryStream<Path> states = Files.newDirectoryStream(directory)) {
            for (Path state : states) {
                if (Files.getLastModifiedTime(state).compareTo(before) < 0 && Files.deleteIfExists(state)) {
                    purged++;
                }
            }
        } catch (IOException e) {
            throw new DeployKitException("Cannot purge old states from " + directory + ": " + e.getMessage(), e);
        }
        return purged;
    }

    private Path fileOf(String key) {
        if (!SAFE_KEY.matcher(key).matches() || key.startsWith(TEMPORARY) || key.equals(".") || key.equals("..")) {
            throw new IllegalArgumentException("A state key must be 1 to 200 letters, digits, '.', '_' or '-' (not '.' or"
                                               + " '..'), was: " + key);
        }
        return directory.resolve(key);
    }
}
