package io.deploykit.emulator.reactor.manifest;

import java.nio.file.Path;

/**
 * Inspects zips in a JVM of its own, as {@link ZipBombSmallHeapTest} starts it under a small heap, and prints what
 * came of each: {@code succeeded NAME}, {@code failed: CODE: DETAIL}, or {@code OutOfMemoryError}.
 */
public final class InspectZip {

    private InspectZip() {
    }

    public static void main(String[] zips) {
        for (String zip : zips) {
            try {
                Inspection inspection = PackageInspector.inspect(Path.of(zip));
                System.out.println(inspection.succeeded() ? "succeeded " + inspection.manifest().name()
                        : "failed: " + inspection.errors().get(0).code() + ": " + inspection.errors().get(0).detail());
            } catch (OutOfMemoryError e) {
                System.out.println("OutOfMemoryError");
                System.exit(3);
            }
        }
    }
}
