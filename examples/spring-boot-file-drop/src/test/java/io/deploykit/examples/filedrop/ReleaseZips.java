package io.deploykit.examples.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** Releases of configuration packages to every company of production, zipped beside the inbox and moved in whole. */
final class ReleaseZips {

    private ReleaseZips() {
    }

    /** @param staging a folder outside the inbox where the zip is made */
    static void write(Path bundle, Path staging, String id, List<String> codes) throws IOException {
        Files.createDirectories(staging);
        Path zip = staging.resolve(bundle.getFileName());
        StringBuilder manifest = new StringBuilder("release: " + id + "\nsteps:\n");
        codes.forEach(code -> manifest.append("  - configurationPackage: ").append(code).append(".rapidstart\n"));
        manifest.append("waves:\n  - name: production\n    targets:\n      - environment: production\n")
                .append("        companies: all\n");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("release.yaml"));
            out.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            for (String code : codes) {
                out.putNextEntry(new ZipEntry(code + ".rapidstart"));
                out.write(Files.readAllBytes(RapidStartFiles.write(staging.resolve(code + ".rapidstart"), code,
                        "Release " + code, 1, 2).file()));
            }
        }
        Files.move(zip, bundle);
    }
}
