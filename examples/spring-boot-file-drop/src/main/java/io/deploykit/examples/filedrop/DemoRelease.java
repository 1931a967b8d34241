package io.deploykit.examples.filedrop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;
import io.deploykit.emulator.reactor.ExtensionZips;

/**
 * The demo release the example writes when both services are emulated: one app, two configuration packages, two
 * item pictures and a Tags extension, first to two companies of the sandbox, then to one in production.
 */
final class DemoRelease {

    static final String SANDBOX = "sandbox";

    static final String MANIFEST = """
            # A release: its steps run in this order on every target, each once per scope and target
            release: deploykit-demo-1.0
            steps:
              - app: apps                                   # once per environment, in dependency order
              - configurationPackage: packages/DEMO-SETUP.rapidstart
              - configurationPackage: packages/DEMO-ITEMS.rapidstart
              - pictures: pictures                          # once per company
                parentType: items
              - extension: extensions/deploykit-demo-tags-1.0.0.zip   # once per release
                releasePrivate: true
            waves:
              - name: sandbox
                targets:
                  - environment: sandbox                    # connection bc: the application's configured component
                    companies: ["CRONUS USA, Inc.", My Company]
              - name: production                            # after every sandbox company succeeded
                targets:
                  - environment: production
                    companies: ["CRONUS USA, Inc."]
            """;

    private static final AppManifest APP = new AppManifest("7d0f4a52-6f0e-4c6b-9d51-3c2b1a0e9f11",
            "DeployKit Demo Setup", "DeployKit", AppVersion.parse("1.0.0.0"), List.of(new AppManifest.Dependency(
            "437dbf0e-84ff-417a-965d-ed2bb9650972", "Base Application", "Microsoft", AppVersion.parse("27.0.0.0"))));

    private DemoRelease() {
    }

    static void write(Path zip) throws IOException {
        Path work = Files.createTempDirectory("deploykit-demo-release-");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            add(entries, "release.yaml", MANIFEST.getBytes(StandardCharsets.UTF_8));
            add(entries, "apps/DeployKit_DeployKit Demo Setup_1.0.0.0.app", AppFile.bytes(APP));
            add(entries, "packages/DEMO-SETUP.rapidstart", Files.readAllBytes(RapidStartFiles.write(
                    work.resolve("setup.rapidstart"), "DEMO-SETUP", "Demo setup", 2, 5).file()));
            add(entries, "packages/DEMO-ITEMS.rapidstart", Files.readAllBytes(RapidStartFiles.write(
                    work.resolve("items.rapidstart"), "DEMO-ITEMS", "Demo items", 1, 8).file()));
            add(entries, "pictures/1001.png", Images.png(200, 160));
            add(entries, "pictures/1896-S.jpg", Images.jpeg(160, 200));
            add(entries, "extensions/deploykit-demo-tags-1.0.0.zip", Files.readAllBytes(ExtensionZips.write(
                    work.resolve("tags.zip"), "deploykit-demo-tags", "1.0.0", "web")));
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static void add(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
