package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;
import io.deploykit.emulator.reactor.ExtensionZips;
import io.deploykit.emulator.reactor.ReactorEmulator;

/** The application as a newcomer runs it: local folders, both services emulated in process. */
@SpringBootTest
@ActiveProfiles("test")
class FileDropTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    static Path work;

    @Autowired
    BcEmulator bc;
    @Autowired
    ReactorEmulator reactor;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("deploykit.example.inbox", () -> work.resolve("inbox").toString());
        registry.add("deploykit.example.demo-folder", () -> work.resolve("demo").toString());
        registry.add("deploykit.example.release-private", () -> "true");
        registry.add("deploykit.example.emulators", () -> "on");
    }

    private Path inbox(String folder) {
        return work.resolve("inbox").resolve(folder);
    }

    private String company() {
        return bc.company(EmbeddedEmulators.DEMO_COMPANY).id();
    }

    @Test
    void aRapidStartPackageIsDeployedAndMovedToDone() throws Exception {
        RapidStartFiles.write(inbox("rapidstart").resolve("customers.rapidstart"), "FD-CUSTOMERS", "Customers", 2, 3);

        Eventually.await("customers.rapidstart in .done", WITHIN,
                () -> Files.exists(inbox("rapidstart").resolve(".done/customers.rapidstart")));
        var pkg = bc.packageByCode(company(), "FD-CUSTOMERS").orElseThrow();
        assertEquals("Completed", pkg.applyStatus());
        assertEquals(6, pkg.numberOfRecords());
        assertFalse(Files.exists(inbox("rapidstart").resolve("customers.rapidstart")));
    }

    @Test
    void theDemoAppIsInstalledOnceAndASecondDropOfItsVersionIsSkipped() throws Exception {
        Path demoApp = work.resolve("demo/apps/DeployKit Demo_1.0.0.0.app");
        Files.copy(demoApp, inbox("apps").resolve("demo.app"));
        Eventually.await("demo.app in .done", WITHIN, () -> Files.exists(inbox("apps").resolve(".done/demo.app")));
        String appId = bc.apps().installs().stream().filter(i -> bc.apps().installed(i.appId()).orElseThrow()
                .manifest().name().equals("DeployKit Demo")).findFirst().orElseThrow().appId();
        assertEquals("1.0.0.0", bc.apps().installed(appId).orElseThrow().version().toString());

        Files.copy(demoApp, inbox("apps").resolve("demo-again.app"));
        Eventually.await("demo-again.app in .done", WITHIN,
                () -> Files.exists(inbox("apps").resolve(".done/demo-again.app")));
        assertEquals(1, bc.apps().installs().stream().filter(i -> i.appId().equals(appId)).count(),
                "the same version is not uploaded twice");
    }

    @Test
    void theDemoReleaseGoesToTheSandboxThenProductionWithItsReportBesideItInDone() throws Exception {
        Files.copy(work.resolve("demo/releases/deploykit-demo-release.zip"), inbox("releases").resolve("demo.zip"));

        Eventually.await("demo.zip in .done", Duration.ofSeconds(90),
                () -> Files.exists(inbox("releases").resolve(".done/demo.zip")));
        String report = Files.readString(inbox("releases").resolve(".done/demo.zip.report.md"));
        assertTrue(report.startsWith("# Release deploykit-demo-1.0: succeeded"), report);
        assertTrue(report.contains("| sandbox | bc/sandbox/My Company |"), report);
        assertTrue(report.contains("| production | bc/production/CRONUS USA, Inc. |"), report);
        assertTrue(Files.readString(inbox("releases").resolve(".done/demo.zip.report.json"))
                .contains("\"outcome\" : \"SUCCEEDED\""));
        for (var company : List.of(bc.company("sandbox", "CRONUS USA, Inc."), bc.company("sandbox", "My Company"),
                bc.company("production", "CRONUS USA, Inc."))) {
            assertEquals("Completed", bc.packageByCode(company.id(), "DEMO-ITEMS").orElseThrow().applyStatus());
        }
        assertTrue(bc.packageByCode(bc.company("production", "My Company").id(), "DEMO-ITEMS").isEmpty(),
                "production's other company is no target");
        assertEquals(1, bc.apps("sandbox").installs().size(), "the app once per environment");
        assertTrue(bc.apps().installs().stream().anyMatch(i -> bc.apps().installed(i.appId()).orElseThrow().manifest()
                .name().equals("DeployKit Demo Setup")));
        assertEquals(1, reactor.uploads().stream().filter(u -> "deploykit-demo-tags".equals(u.name())).count(),
                "the extension once per release");
    }

    @Test
    void aReleaseFolderWaitsForItsManifestWrittenLastThenMovesWholeToDoneWithItsReport() throws Exception {
        Path folder = Files.createDirectories(inbox("releases").resolve("folder-release/packages"));
        RapidStartFiles.write(folder.resolve("FD-FOLDER.rapidstart"), "FD-FOLDER", "From a folder", 1, 2);
        Thread.sleep(1500); // polls at 100 ms, files stable after 300 ms: a release without its manifest is left

        assertTrue(Files.isDirectory(inbox("releases").resolve("folder-release")), "not picked without its manifest");
        assertFalse(Files.exists(inbox("releases").resolve(".done/folder-release")));
        Files.writeString(inbox("releases").resolve("folder-release/release.yaml"), """
                release: folder-release
                steps:
                  - configurationPackage: packages/FD-FOLDER.rapidstart
                waves:
                  - name: production
                    targets:
                      - environment: production
                        companies: ["CRONUS USA, Inc."]
                """);

        Eventually.await("folder-release in .done", WITHIN,
                () -> Files.isRegularFile(inbox("releases").resolve(".done/folder-release/release.yaml")));
        assertTrue(Files.isRegularFile(inbox("releases").resolve(".done/folder-release/packages/FD-FOLDER.rapidstart")),
                "the whole folder moved");
        assertFalse(Files.exists(inbox("releases").resolve("folder-release")));
        String report = Files.readString(inbox("releases").resolve(".done/folder-release.report.md"));
        assertTrue(report.startsWith("# Release folder-release: succeeded"), report);
        assertEquals("Completed", bc.packageByCode(company(), "FD-FOLDER").orElseThrow().applyStatus());
    }

    @Test
    void aReleaseWithAProblemGoesToErrorNamingEveryProblem() throws Exception {
        Path zip = inbox("releases").resolve(".broken.zip.tmp");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("release.yaml"));
            out.write("""
                    release: broken
                    steps:
                      - configurationPackage: packages/MISSING.rapidstart
                    waves:
                      - name: nowhere
                        targets:
                          - environment: moon
                            companies: [Nobody]
                    """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.move(zip, inbox("releases").resolve("broken.zip"));

        Path note = inbox("releases").resolve(".error/broken.zip.error.txt");
        Eventually.await("the failure note", WITHIN, () -> Files.exists(note));
        String reason = Files.readString(note);
        assertTrue(reason.contains("InvalidReleaseException") && reason.contains("MISSING.rapidstart: no such file"),
                reason);
    }

    @Test
    void anAppThatIsNotOneIsMovedToErrorWithTheReason() throws Exception {
        Files.writeString(inbox("apps").resolve("fake.app"), "not an app");

        Path note = inbox("apps").resolve(".error/fake.app.error.txt");
        Eventually.await("the failure note", WITHIN, () -> Files.exists(note));
        String reason = Files.readString(note);
        assertTrue(reason.contains("InvalidAppException") && reason.contains("NAVX header"), reason);
    }

    @Test
    void aBadFileIsMovedToErrorWithTheReasonBesideIt() throws Exception {
        Files.writeString(inbox("rapidstart").resolve("notes.rapidstart"), "these are not the packages you are looking for");

        Path note = inbox("rapidstart").resolve(".error/notes.rapidstart.error.txt");
        Eventually.await("the failure note", WITHIN, () -> Files.exists(note));
        Eventually.await("notes.rapidstart in .error", WITHIN,
                () -> Files.exists(inbox("rapidstart").resolve(".error/notes.rapidstart")));
        String reason = Files.readString(note);
        assertTrue(reason.contains("InvalidInputException") && reason.contains("not a RapidStart package"), reason);
    }

    @Test
    void aSecondDropOfTheSameNameKeepsTheFirstInDone() throws Exception {
        Path done = inbox("rapidstart").resolve(".done");
        RapidStartFiles.write(inbox("rapidstart").resolve("again.rapidstart"), "FD-AGAIN-1", "First", 1, 1);
        Eventually.await("the first again.rapidstart in .done", WITHIN, () -> Files.exists(done.resolve("again.rapidstart")));
        byte[] first = Files.readAllBytes(done.resolve("again.rapidstart"));

        RapidStartFiles.write(inbox("rapidstart").resolve("again.rapidstart"), "FD-AGAIN-2", "Second", 1, 2);
        Eventually.await("the second in .done beside the first", WITHIN, () -> named(done, "again.rapidstart.").size() == 1);

        assertArrayEquals(first, Files.readAllBytes(done.resolve("again.rapidstart")), "the first is kept as it was");
        String second = named(done, "again.rapidstart.").get(0);
        assertTrue(second.matches("again\\.rapidstart\\.\\d{8}T\\d{6}\\.\\d{3}Z"), "its name and the UTC time: " + second);
        assertEquals(2, bc.packageByCode(company(), "FD-AGAIN-2").orElseThrow().numberOfRecords());
    }

    @Test
    void twoFailuresOfTheSameNameKeepBothFilesAndTheirNotes() throws Exception {
        Path error = inbox("rapidstart").resolve(".error");
        Files.writeString(inbox("rapidstart").resolve("twice.rapidstart"), "first broken content");
        Eventually.await("the first file and its note", WITHIN, () -> Files.exists(error.resolve("twice.rapidstart.error.txt"))
                && Files.exists(error.resolve("twice.rapidstart")) && Files.notExists(inbox("rapidstart").resolve("twice.rapidstart")));
        Files.writeString(inbox("rapidstart").resolve("twice.rapidstart"), "second broken content");
        Eventually.await("the second file and its note", WITHIN, () -> named(error, "twice.rapidstart.").size() == 3);

        assertEquals("first broken content", Files.readString(error.resolve("twice.rapidstart")));
        String second = named(error, "twice.rapidstart.").stream().filter(n -> !n.endsWith(".error.txt")).findFirst().orElseThrow();
        assertEquals("second broken content", Files.readString(error.resolve(second)));
        assertTrue(Files.exists(error.resolve(second + ".error.txt")), "its own note, named after it: " + named(error, ""));
        assertTrue(Files.readString(error.resolve("twice.rapidstart.error.txt")).contains("not a RapidStart package"));
    }

    /** The names in the folder that start with the prefix. */
    private static List<String> named(Path folder, String prefix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFileStillBeingWrittenIsLeftAloneUntilItIsComplete() throws Exception {
        Path staged = RapidStartFiles.write(work.resolve("slow.rapidstart"), "FD-SLOW", "Slow", 3, 50).file();
        byte[] content = Files.readAllBytes(staged);
        Path target = inbox("rapidstart").resolve("slow.rapidstart");
        try (OutputStream out = Files.newOutputStream(target)) {
            int half = content.length / 2;
            out.write(content, 0, half);
            out.flush();
            for (int i = 0; i < 6; i++) { // a slow writer: a little more every 150 ms, for longer than the read lock's age
                Thread.sleep(150);
                assertFalse(Files.exists(inbox("rapidstart").resolve(".error/slow.rapidstart")), "picked up half-written");
                out.write(content, half + i, 1);
                out.flush();
            }
            out.write(Arrays.copyOfRange(content, half + 6, content.length));
        }
        Eventually.await("slow.rapidstart in .done", WITHIN, () -> Files.exists(inbox("rapidstart").resolve(".done/slow.rapidstart")));
        assertEquals(150, bc.packageByCode(company(), "FD-SLOW").orElseThrow().numberOfRecords());
    }

    @Test
    void anItemPictureIsNamedByItsNumber() throws IOException {
        Files.write(inbox("pictures").resolve("1001.png"), Images.png(40, 30));

        Eventually.await("1001.png in .done", WITHIN, () -> Files.exists(inbox("pictures").resolve(".done/1001.png")));
        var picture = bc.pictureOf(company(), "items", "1001").orElseThrow();
        assertEquals(40, picture.width());
        assertEquals(30, picture.height());
    }

    @Test
    void aPictureOfAnUnknownItemGoesToError() throws IOException {
        Files.write(inbox("pictures").resolve("NO-SUCH-ITEM.png"), Images.png(4, 4));
        Path note = inbox("pictures").resolve(".error/NO-SUCH-ITEM.png.error.txt");
        Eventually.await("the failure note", WITHIN, () -> Files.exists(note));
        assertTrue(Files.readString(note).contains("NO-SUCH-ITEM"));
    }

    @Test
    void anExtensionIsUploadedAndReleasedToPrivate() throws IOException {
        ExtensionZips.write(inbox("extensions").resolve("fd-ext-1.0.0.zip"), "fd-ext", "1.0.0", "web");

        Eventually.await("fd-ext-1.0.0.zip in .done", WITHIN,
                () -> Files.exists(inbox("extensions").resolve(".done/fd-ext-1.0.0.zip")));
        var pkg = reactor.packages().stream().filter(p -> p.name().equals("fd-ext")).findFirst().orElseThrow();
        assertEquals("succeeded", pkg.status());
        assertEquals("private", pkg.availability());
    }

    @Test
    void demoFilesAreWrittenForNewcomers() {
        assertTrue(Files.exists(work.resolve("demo/rapidstart/DEMO-CUSTOMERS.rapidstart")));
        assertTrue(Files.exists(work.resolve("demo/pictures/1000.png")));
        assertTrue(Files.exists(work.resolve("demo/extensions/deploykit-demo-1.0.0.zip")));
    }
}
