package io.deploykit.camel.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;
import io.deploykit.emulator.reactor.ExtensionZips;

/** Release folders and zips for the tests, written with the emulators' own file writers. */
final class Releases {

    static final AppManifest.Dependency BASE_APPLICATION = new AppManifest.Dependency(
            "437dbf0e-84ff-417a-965d-ed2bb9650972", "Base Application", "Microsoft", AppVersion.parse("27.0.0.0"));

    private Releases() {
    }

    /** An app on Base Application, and one that depends on it (named so that it sorts first). */
    static List<AppManifest> twoApps() {
        AppManifest library = new AppManifest(UUID.randomUUID().toString(), "Library", "Contoso",
                AppVersion.parse("1.0.0.0"), List.of(BASE_APPLICATION));
        AppManifest setup = new AppManifest(UUID.randomUUID().toString(), "Setup", "Contoso", AppVersion.parse("1.0.0.0"),
                List.of(BASE_APPLICATION, new AppManifest.Dependency(library.id(), "Library", "Contoso",
                        AppVersion.parse("1.0.0.0"))));
        return List.of(library, setup);
    }

    /** A release with two apps, two packages, three pictures and an extension, and the given manifest. */
    static Path folder(Path root, String manifest) throws IOException {
        List<AppManifest> apps = twoApps();
        Files.createDirectories(root.resolve("apps"));
        AppFile.write(root.resolve("apps/a-setup.app"), apps.get(1));
        AppFile.write(root.resolve("apps/b-library.app"), apps.get(0));
        Files.createDirectories(root.resolve("packages"));
        RapidStartFiles.write(root.resolve("packages/SETUP.rapidstart"), "SETUP", "Setup", 1, 2);
        RapidStartFiles.write(root.resolve("packages/CUSTOMERS.rapidstart"), "CUSTOMERS", "Customers", 1, 3);
        Files.createDirectories(root.resolve("pictures"));
        Files.write(root.resolve("pictures/1000.png"), Images.png(12, 10));
        Files.write(root.resolve("pictures/1001.jpg"), Images.jpeg(10, 12));
        Files.write(root.resolve("pictures/1896-S.png"), Images.png(8, 8));
        Files.createDirectories(root.resolve("extensions"));
        ExtensionZips.write(root.resolve("extensions/contoso-tags.zip"), "contoso-tags", "1.2.0", "web");
        Files.writeString(root.resolve("release.yaml"), manifest);
        return root;
    }

    static final String MANIFEST = """
            release: contoso-2026.12
            steps:
              - app: apps
              - configurationPackage: packages/SETUP.rapidstart
                code: SETUP
              - configurationPackage: packages/CUSTOMERS.rapidstart
              - pictures: pictures
                parentType: items
              - extension: extensions/contoso-tags.zip
                releasePrivate: true
            waves:
              - name: sandbox
                targets:
                  - environment: sandbox
                    companies: ["CRONUS USA, Inc.", My Company]  # quoted: a comma splits a flow list
              - name: production
                approval: PT24H
                targets:
                  - connection: bcContoso
                    environment: production
                    companies: all
            """;

    /** The folder zipped, its files at the zip's root. */
    static Path zip(Path folder, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, entries);
                entries.closeEntry();
            }
        }
        return zip;
    }
}
