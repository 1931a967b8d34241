package io.deploykit.camel.reactor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made zips for the cases the emulator's demo builder does not make: each broken in one way. */
final class Zips {

    private Zips() {
    }

    static Path of(Path target, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return target;
    }

    /** A complete manifest whose main module is missing from the zip. */
    static Path missingMain(Path target, String name) throws IOException {
        return of(target, Map.of("extension.json", "{\"name\":\"" + name + "\",\"version\":\"1.0.0\",\"platform\":\"web\","
                                                   + "\"displayName\":\"Missing main\",\"description\":\"d\","
                                                   + "\"author\":{\"name\":\"DeployKit\"},\"main\":\"src/lib/main.js\"}"));
    }
}
