package io.deploykit.emulator.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mark of a temporary storage directory: a file holding the pid and start time of the process that made it,
 * which that process keeps locked while it runs. A directory is abandoned when both say its process is gone: the pid
 * names no process started then, and the lock is free. The kernel frees the lock however the process ends, kill -9
 * included; and a lock is seen from every PID namespace sharing the temporary folder, where a pid alone could name
 * another process.
 */
final class StorageOwner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageOwner.class);

    static final String FILE = ".owner";
    /** The start time is derived from the boot time, which a clock adjustment may move. */
    private static final long START_LEEWAY_MILLIS = 1000;

    private final FileChannel locked;

    private StorageOwner(FileChannel locked) {
        this.locked = locked;
    }

    /**
     * Marks the directory as this process's until {@link #close()}. Where the file system cannot lock, the directory
     * is left unmarked: never swept, at worst left behind.
     */
    static StorageOwner mark(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) {
                throw new IOException("the new file " + file + " is locked");
            }
            // locked before it says whose it is: a mark that can be read is never free while its process runs
            channel.write(ByteBuffer.wrap(describe(ProcessHandle.current()).getBytes(StandardCharsets.UTF_8)));
            return new StorageOwner(channel);
        } catch (IOException | UnsupportedOperationException e) {
            channel.close();
            Files.deleteIfExists(file);
            LOG.debug("{} is left unmarked: {}", directory, e.toString());
            return new StorageOwner(null);
        }
    }

    /** Whether the directory, named after process {@code pid}, is marked as that process's, and it is gone. */
    static boolean abandoned(Path directory, long pid) throws IOException {
        if (pid == ProcessHandle.current().pid()) {
            return false; // this process's own; and closing a file it has locked would free the lock
        }
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false; // not made as a temporary directory, or given to keep
        }
        String[] owner = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
        if (owner.length != 2 || !owner[0].equals(Long.toString(pid)) || !owner[1].matches("\\d+")) {
            return false; // not a mark, or one still being written
        }
        long started = Long.parseLong(owner[1]);
        if (ProcessHandle.of(pid).filter(process -> startedAt(process, started)).isPresent()) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // held: its process runs, under a pid this process cannot see
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    /** Frees the mark, so that the directory can be deleted. */
    @Override
    public void close() {
        if (locked == null) {
            return;
        }
        try {
            locked.close();
        } catch (IOException e) {
            LOG.debug("Could not close the storage mark: {}", e.toString());
        }
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + startMillis(process);
    }

    /** Whether the process started at that time; when either start time is unknown (0), the pid decides. */
    private static boolean startedAt(ProcessHandle process, long startMillis) {
        long started = startMillis(process);
        return startMillis == 0 || started == 0 || Math.abs(started - startMillis) < START_LEEWAY_MILLIS;
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(instant -> instant.toEpochMilli()).orElse(0L);
    }
}
