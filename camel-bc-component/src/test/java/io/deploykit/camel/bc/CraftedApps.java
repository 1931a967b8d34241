package io.deploykit.camel.bc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile {@code .app} files: a valid NAVX header in front of a zip of the test's making. */
final class CraftedApps {

    private static final int HEADER = 40;

    private CraftedApps() {
    }

    /** The header of a real app, then a zip whose NavxManifest.xml is this text. */
    static byte[] withManifest(byte[] realApp, String manifest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(realApp, 0, HEADER);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("NavxManifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
