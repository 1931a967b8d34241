package io.deploykit.emulator.bc.packages;

import java.nio.file.Path;

/**
 * Reads RapidStart files in a JVM of its own, as {@link RapidStartSmallHeapTest} starts it under a small heap, and
 * prints what came of each: {@code read CODE}, {@code refused: MESSAGE}, or {@code OutOfMemoryError}.
 */
public final class ReadRapidStart {

    private ReadRapidStart() {
    }

    public static void main(String[] files) throws Exception {
        for (String file : files) {
            try {
                System.out.println("read " + RapidStartReader.read(Path.of(file)).code());
            } catch (RapidStartReader.InvalidPackageException e) {
                System.out.println("refused: " + e.getMessage());
            } catch (OutOfMemoryError e) {
                System.out.println("OutOfMemoryError");
                System.exit(3);
            }
        }
    }
}
