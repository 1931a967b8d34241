package io.deploykit.emulator.reactor.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.ChildJvm;
import io.deploykit.emulator.reactor.ExtensionZips;
import io.deploykit.emulator.reactor.TestZips;

/** A zip bomb fails processing under a 128 MB heap with a zip error, and the JVM goes on to process a valid zip. */
class ZipBombSmallHeapTest {

    @TempDir
    Path dir;

    @Test
    void aZipBombFailsProcessingUnderA128MegabyteHeap() throws IOException {
        Path bomb = TestZips.bomb(dir.resolve("bomb.zip"), 256L << 20);
        Path valid = ExtensionZips.write(dir.resolve("valid.zip"), "valid", "1.0.0", "web");

        ChildJvm.Result result = ChildJvm.run(List.of("-Xmx128m"), InspectZip.class, bomb.toString(),
                valid.toString());

        assertEquals(0, result.exitStatus(), result.output());
        List<String> lines = result.output().lines().toList();
        assertEquals(2, lines.size(), result.output());
        assertEquals("failed: " + ProcessingError.ZIP_ERROR + ": extension.json inflates to more than 100 times its "
                     + "compressed size", lines.get(0).substring(0, lines.get(0).indexOf(" of ")));
        assertEquals("succeeded valid", lines.get(1));
    }
}
