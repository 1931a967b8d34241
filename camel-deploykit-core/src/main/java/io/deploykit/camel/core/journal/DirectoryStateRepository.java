package io.deploykit.camel.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.regex.Pattern;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

import io.deploykit.camel.core.error.DeployKitException;

/**
 * A {@link StateRepository} in a local directory, one small file per key, each written whole to a temporary file,
 * forced to the disk, and then renamed over the old one, the directory forced too: a crash of the process or of the
 * machine (a power loss) at any moment leaves either the old value or the new one, never half of one, and a value
 * once written stays written. For one instance; instances that share a store use a database (see
 * {@link JdbcStateRepository}). Keep it out of any folder that others can write to (such as a drop share).
 */
public class DirectoryStateRepository extends ServiceSupport implements StateRepository<String, String>, JournalRecords {

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
                writeDurably(temp, value);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                syncDirectory(); // the rename itself is an entry of the directory: on the disk only once it is synced
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new DeployKitException("Cannot write the state " + key + " into " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Writes the value and forces it to the disk before the rename makes it the state. */
    private void writeDurably(Path file, String value) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            force(channel, file);
        }
    }

    /**
     * Forces the directory's entries to the disk. Windows cannot open a directory as a channel (NTFS journals its
     * renames instead): there, and wherever the platform refuses, the rename is as durable as the platform makes it.
     */
    private void syncDirectory() throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            return;
        }
        try (channel) {
            force(channel, directory);
        } catch (IOException notOnThisPlatform) {
            // some file systems refuse to sync a directory opened for reading; the file's data is synced already
        }
    }

    /** Forces what was written to {@code path} (a state's file, or the directory) to the disk. */
    void force(FileChannel channel, Path path) throws IOException {
        channel.force(true);
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

    @Override
    public List<JournalRecord> latest(int limit) {
        List<JournalRecord> records = new ArrayList<>();
        try (Stream<Path> states = Files.list(directory)) {
            // each file's time read once (a page lists them every second), not at every comparison of the sort
            for (Map.Entry<Path, FileTime> state : states.filter(f -> !f.getFileName().toString().startsWith(TEMPORARY))
                    .map(f -> Map.entry(f, modified(f)))
                    .sorted(Map.Entry.<Path, FileTime>comparingByValue().reversed()).limit(limit).toList()) {
                JournalRecord.parse(getState(state.getKey().getFileName().toString())).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw new DeployKitException("Cannot list the states in " + directory + ": " + e.getMessage(), e);
        }
        return records;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException gone) {
            return FileTime.fromMillis(0); // removed meanwhile (a purge): last
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
