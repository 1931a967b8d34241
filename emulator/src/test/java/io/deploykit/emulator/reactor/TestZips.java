package io.deploykit.emulator.reactor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.deploykit.emulator.reactor.manifest.Manifest;

/** Hand-made zips for the broken packages {@link ExtensionZips} does not make. */
public final class TestZips {

    private TestZips() {
    }

    public static Path of(Path target, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return target;
    }

    /** An extension.json with the required fields of this name, version and platform, then {@code extra} fields. */
    public static String manifest(String name, String version, String platform, String extra) {
        return "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"platform\":\"" + platform + "\","
               + "\"displayName\":\"Test " + name + "\",\"description\":\"A test extension\","
               + "\"author\":{\"name\":\"Tester\"}" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    /** A zip bomb: an extension.json of this many spaces, which deflate about 1000 to 1. */
    public static Path bomb(Path target, long bytes) throws IOException {
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry(Manifest.FILE_NAME));
            for (long left = bytes; left > 0; left -= spaces.length) {
                zip.write(spaces, 0, (int) Math.min(left, spaces.length));
            }
        }
        return target;
    }
}
