package io.deploykit.examples.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;
import io.deploykit.emulator.reactor.ExtensionZips;

/** The YAML routes on camel-main, against the emulators the application starts itself. */
class YamlRoutesTest {

    @TempDir
    Path inbox;

    @Test
    void theYamlRoutesDeployWhatIsDroppedAndSetAsideWhatFails() throws Exception {
        Main main = new Main(YamlDslApplication.class);
        main.addOverrideProperty("inbox", inbox.toString());
        main.addOverrideProperty("readLockMinAge", "200");
        main.addOverrideProperty("pollDelay", "100");
        main.addOverrideProperty("camel.component.bc.poll-interval", "100");
        main.addOverrideProperty("camel.component.reactor.poll-interval", "100");
        try (YamlDslApplication.Emulated emulated = YamlDslApplication.Emulated.start(main, "on")) {
            Thread runner = new Thread(() -> {
                try {
                    main.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "camel-main");
            runner.start();
            try {
                await("camel-main started", () -> main.getCamelContext() != null && main.getCamelContext().isStarted()
                                                 && main.getCamelContext().getRoutes().size() == 5);
                Files.createDirectories(inbox.resolve("apps"));
                Files.createDirectories(inbox.resolve("releases"));
                writeRelease(inbox.resolve("releases/yaml-release.zip"));
                Files.createDirectories(inbox.resolve("rapidstart"));
                Files.createDirectories(inbox.resolve("pictures"));
                Files.createDirectories(inbox.resolve("extensions"));
                AppFile.write(inbox.resolve("apps/yaml.app"), YamlDslApplication.DEMO_APP);
                Files.writeString(inbox.resolve("apps/fake.app"), "not an app");
                RapidStartFiles.write(inbox.resolve("rapidstart/yaml.rapidstart"), "YAML-1", "From YAML", 1, 4);
                Files.writeString(inbox.resolve("rapidstart/broken.rapidstart"), "nope");
                Files.write(inbox.resolve("pictures/1896-S.jpg"), Images.jpeg(12, 8));
                ExtensionZips.write(inbox.resolve("extensions/yaml-ext.zip"), "yaml-ext", "1.0.0", "web");

                await("yaml.rapidstart in .done", () -> Files.exists(inbox.resolve("rapidstart/.done/yaml.rapidstart")));
                await("broken.rapidstart in .error", () -> Files.exists(inbox.resolve("rapidstart/.error/broken.rapidstart")));
                await("yaml-release.zip in .done", () -> Files.exists(inbox.resolve("releases/.done/yaml-release.zip")));
                await("yaml.app in .done", () -> Files.exists(inbox.resolve("apps/.done/yaml.app")));
                await("fake.app in .error", () -> Files.exists(inbox.resolve("apps/.error/fake.app.error.txt")));
                await("1896-S.jpg in .done", () -> Files.exists(inbox.resolve("pictures/.done/1896-S.jpg")));
                await("yaml-ext.zip in .done", () -> Files.exists(inbox.resolve("extensions/.done/yaml-ext.zip")));

                String company = emulated.bc.company("CRONUS USA, Inc.").id();
                assertEquals("Completed", emulated.bc.packageByCode(company, "YAML-1").orElseThrow().applyStatus());
                for (var each : emulated.bc.companies()) {
                    assertEquals("Completed", emulated.bc.packageByCode(each.id(), "YAML-REL").orElseThrow()
                            .applyStatus(), "the release in " + each.name());
                }
                assertEquals(12, emulated.bc.pictureOf(company, "items", "1896-S").orElseThrow().width());
                assertTrue(emulated.reactor.packages().stream().anyMatch(p -> p.name().equals("yaml-ext")
                                                                              && p.status().equals("succeeded")));
                assertEquals("1.0.0.0", emulated.bc.apps().installed(YamlDslApplication.DEMO_APP.id()).orElseThrow()
                        .version().toString());
                assertEquals(1, emulated.bc.apps().installs().size(), "the app installed once");
                String appNote = Files.readString(inbox.resolve("apps/.error/fake.app.error.txt"));
                assertTrue(appNote.contains("InvalidAppException") && appNote.contains("NAVX header"), appNote);
                String note = Files.readString(inbox.resolve("rapidstart/.error/broken.rapidstart.error.txt"));
                assertTrue(note.contains("not a RapidStart package"), note);
                try (var records = Files.list(inbox.resolve(".deploykit-state"))) {
                    assertTrue(records.count() >= 5, "each deploy recorded its steps, to be continued after a stop");
                }
            } finally {
                main.stop();
                runner.join(30_000);
            }
        }
    }

    /** A release of one package to both companies of the emulated production environment. */
    private static void writeRelease(Path zip) throws Exception {
        Path staged = zip.resolveSibling(".staged.rapidstart");
        RapidStartFiles.write(staged, "YAML-REL", "From a YAML release", 1, 2);
        Path partial = zip.resolveSibling(".yaml-release.zip.part");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(partial))) {
            out.putNextEntry(new java.util.zip.ZipEntry("release.yaml"));
            out.write("""
                    release: yaml-release
                    steps:
                      - configurationPackage: YAML-REL.rapidstart
                    waves:
                      - name: production
                        targets:
                          - environment: production
                            companies: all
                    """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.zip.ZipEntry("YAML-REL.rapidstart"));
            out.write(Files.readAllBytes(staged));
        }
        Files.delete(staged);
        Files.move(partial, zip);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
