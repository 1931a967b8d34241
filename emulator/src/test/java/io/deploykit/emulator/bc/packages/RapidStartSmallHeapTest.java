package io.deploykit.emulator.bc.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.ChildJvm;
import io.deploykit.emulator.bc.HostileFiles;

/**
 * The file of the report: a 408 KB gzip whose root start tag holds a 400 MB {@code Code} attribute. Read whole, it
 * takes far more than a 128 MB heap (an unbounded reader fails with OutOfMemoryError); the reader refuses it with the
 * limit it passed, and the JVM goes on to read a valid package.
 */
class RapidStartSmallHeapTest {

    @TempDir
    Path dir;

    @Test
    void aHugeRootAttributeIsRefusedUnderA128MegabyteHeap() throws IOException {
        Path hostile = HostileFiles.hugeCode(dir.resolve("hostile.rapidstart"), 200L << 20); // UTF-16: 400 MB
        Path valid = RapidStartFiles.write(dir.resolve("valid.rapidstart"), "VALID", "Valid", 2, 3).file();
        assertTrue(Files.size(hostile) < 420_000, () -> "a small file: " + hostile.toFile().length());

        ChildJvm.Result result = ChildJvm.run(List.of("-Xmx128m"), ReadRapidStart.class, hostile.toString(),
                valid.toString());

        assertEquals(0, result.exitStatus(), result.output());
        assertEquals(List.of("refused: The file is not a valid RapidStart package: the start tag of its root element "
                             + "does not end within the first 1048576 bytes.", "read VALID"),
                result.output().lines().toList());
    }
}
