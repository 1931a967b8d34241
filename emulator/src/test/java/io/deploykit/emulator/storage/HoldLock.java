package io.deploykit.emulator.storage;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Locks a file and holds the lock until killed, as {@link StorageDirectoryTest} runs it: a process whose pid the
 * test cannot see, as from another PID namespace sharing the temporary folder.
 */
public final class HoldLock {

    private HoldLock() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            channel.lock();
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
