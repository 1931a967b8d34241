package io.deploykit.camel.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.camel.release.manifest.ReleaseManifest;
import io.deploykit.camel.release.manifest.StepKind;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** A release checked as a whole before any request: its manifest, its files, its targets. */
class ReleaseValidatorTest {

    @TempDir
    Path dir;

    @Test
    void aValidFolderIsReadWithEachStepsFilesInTheOrderTheyAreSent() throws Exception {
        Path folder = Releases.folder(dir.resolve("contoso"), Releases.MANIFEST);

        try (ReleaseBundle bundle = ReleaseBundle.open(folder)) {
            ValidRelease release = ReleaseValidator.validate(bundle);

            ReleaseManifest manifest = release.manifest();
            assertEquals("contoso-2026.12", manifest.id());
            assertEquals(List.of(StepKind.app, StepKind.configurationPackage, StepKind.configurationPackage,
                    StepKind.pictures, StepKind.extension), manifest.steps().stream().map(s -> s.kind()).toList());
            assertEquals(List.of("b-library.app", "a-setup.app"), names(release.files(manifest.steps().get(0))),
                    "the library first: the setup app depends on it");
            assertEquals(List.of("1000.png", "1001.jpg", "1896-S.png"), names(release.files(manifest.steps().get(3))));
            assertEquals("reactor", manifest.steps().get(4).connection());
            assertTrue(manifest.steps().get(4).releasePrivate());
            assertEquals(List.of("CRONUS USA, Inc.", "My Company"), manifest.waves().get(0).targets().get(0).companies());
            assertEquals("bc", manifest.waves().get(0).targets().get(0).connection());
            assertFalse(manifest.waves().get(0).gated());
            assertEquals(Duration.ofHours(24), manifest.waves().get(1).approvalTimeout());
            assertTrue(manifest.waves().get(1).targets().get(0).allCompanies());
            assertEquals("bcContoso", manifest.waves().get(1).targets().get(0).connection());
        }
    }

    @Test
    void everyProblemIsReportedAtOnceBeforeAnyRequest() throws Exception {
        Path folder = Releases.folder(dir.resolve("broken"), """
                release: ../broken
                owner: me
                steps:
                  - app: apps
                  - configurationPackage: packages/SETUP.rapidstart
                    code: SETUP-OTHER
                  - configurationPackage: packages/LONG.rapidstart
                  - configurationPackage: packages/missing.rapidstart
                  - pictures: pictures
                    parentType: planets
                  - extension: extensions/not-a-zip.zip
                  - configurationPackage: ../outside.rapidstart
                  - script: run.sh
                waves:
                  - name: sandbox
                    approval: tomorrow
                    targets:
                      - environment: sandbox
                        companies:
                          - CRONUS USA, Inc.
                      - environment: sandbox
                        companies: ["cronus usa, inc."]
                  - name: empty
                    targets: []
                """);
        RapidStartFiles.write(folder.resolve("packages/LONG.rapidstart"), "A-CODE-OF-21-CHARS-XX", "Long", 1, 1);
        Files.writeString(folder.resolve("pictures/notes.txt"), "not a picture");
        Files.writeString(folder.resolve("pictures/1002.png"), "not a png either");
        Files.writeString(folder.resolve("apps/c-fake.app"), "not an app");
        Files.writeString(folder.resolve("extensions/not-a-zip.zip"), "not a zip");

        InvalidReleaseException failure;
        try (ReleaseBundle bundle = ReleaseBundle.open(folder)) {
            failure = assertThrows(InvalidReleaseException.class, () -> ReleaseValidator.validate(bundle));
        }

        List<String> problems = failure.getProblems();
        String all = String.join("\n", problems);
        List<String> expected = List.of(
                "release '../broken' must be 1 to 100 letters",
                "release.yaml has an unknown field 'owner'",
                "steps[7].configurationPackage '../outside.rapidstart' must be a path inside the release",
                "steps[8] must name one of app, configurationPackage, pictures, extension",
                "steps[5].parentType 'planets' must be one of [items, customers, vendors, employees, contacts]",
                "waves[1].approval 'tomorrow' is not an ISO-8601 duration",
                "targets must be a non-empty list",
                "step 1 app apps: apps/c-fake.app: ",
                "step 2 configurationPackage packages/SETUP.rapidstart: the file carries package code 'SETUP', the"
                + " manifest says 'SETUP-OTHER'",
                "step 3 configurationPackage packages/LONG.rapidstart: its package code 'A-CODE-OF-21-CHARS-XX' has 21"
                + " characters",
                "step 4 configurationPackage packages/missing.rapidstart: no such file or folder in the release",
                "step 5 pictures pictures: 'notes.txt' is not named <number>.<png|jpg|jpeg|gif|bmp|tif>",
                "step 5 pictures pictures: pictures/1002.png: '1002.png' is not a picture",
                "step 6 extension extensions/not-a-zip.zip: extensions/not-a-zip.zip: ",
                "wave sandbox: bc/sandbox company 'cronus usa, inc.' is targeted in wave sandbox too");
        for (String problem : expected) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(problem)), "'" + problem + "' among:\n" + all);
        }
        assertEquals(expected.size(), problems.size(), "no other problem:\n" + all);
        assertTrue(failure.getMessage().startsWith("Release ../broken is not valid (15 problems; nothing was deployed)"),
                failure.getMessage());
    }

    @Test
    void aZipIsUnpackedIntoATemporaryFolderDeletedOnClose() throws Exception {
        Path zip = Releases.zip(Releases.folder(dir.resolve("zipped"), Releases.MANIFEST), dir.resolve("release.zip"));

        Path root;
        try (ReleaseBundle bundle = ReleaseBundle.open(zip)) {
            ValidRelease release = ReleaseValidator.validate(bundle);
            root = bundle.root();
            assertEquals("release.zip", bundle.name());
            assertEquals(2, release.files(release.manifest().steps().get(0)).size());
            assertTrue(Files.isRegularFile(root.resolve("packages/SETUP.rapidstart")));
        }
        assertFalse(Files.exists(root), "unpacked files deleted on close");
    }

    @Test
    void aZipEntryOutsideTheRootOrNoManifestIsRefused() throws Exception {
        Path evil = crafted(dir.resolve("evil.zip"), "../../escaped.txt", "x".getBytes(), 1);
        InvalidReleaseException outside = assertThrows(InvalidReleaseException.class, () -> ReleaseBundle.open(evil));
        assertTrue(outside.getMessage().contains("an entry outside its root: '../../escaped.txt'"), outside.getMessage());
        assertFalse(Files.exists(dir.resolve("escaped.txt")));

        Files.createDirectories(dir.resolve("no-manifest"));
        InvalidReleaseException none = assertThrows(InvalidReleaseException.class,
                () -> ReleaseBundle.open(dir.resolve("no-manifest")));
        assertTrue(none.getMessage().contains("no release.yaml at the root of no-manifest"), none.getMessage());
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a bound that no longer holds must fail here, not hang the build
    void aZipBombIsCutAtTheUnpackedBoundWhateverItsHeadersClaimAndLeavesNothingBehind() throws Exception {
        // 64 MiB that deflate to a few hundred KiB
        Path bomb = crafted(dir.resolve("bomb.zip"), "packages/BOMB.rapidstart", new byte[1024 * 1024], 64);
        claimSmallSizes(bomb);
        long unpackedBefore = unpackedFolders();

        InvalidReleaseException failure = assertThrows(InvalidReleaseException.class,
                () -> ReleaseBundle.open(bomb, 100, 8L * 1024 * 1024));

        assertTrue(failure.getMessage().contains("bomb.zip unpacks to more than 8388608 bytes"), failure.getMessage());
        assertEquals(unpackedBefore, unpackedFolders(), "what was unpacked is deleted");
    }

    @Test
    void aZipOfMoreEntriesThanTheBoundIsRefusedBeforeUnpacking() throws Exception {
        Path many = dir.resolve("many.zip");
        try (OutputStream out = Files.newOutputStream(many); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 5; i++) {
                zip.putNextEntry(new ZipEntry("pictures/" + i + ".png"));
            }
        }
        InvalidReleaseException failure = assertThrows(InvalidReleaseException.class,
                () -> ReleaseBundle.open(many, 4, 1024));
        assertTrue(failure.getMessage().contains("many.zip has 5 entries, more than the 4 a release may have"),
                failure.getMessage());
    }

    @Test
    void aFolderIsOpenedByItsManifestAsAFileConsumerPicksTheManifestWrittenLast() throws Exception {
        Path folder = Releases.folder(dir.resolve("by-manifest"), Releases.MANIFEST);
        try (ReleaseBundle bundle = ReleaseBundle.open(folder.resolve("release.yaml"))) {
            assertEquals("by-manifest", bundle.name());
            assertEquals(folder.toAbsolutePath().normalize(), bundle.root());
            assertEquals("contoso-2026.12", ReleaseValidator.validate(bundle).manifest().id());
        }
    }

    /** A zip of a manifest and one entry of {@code times} times {@code chunk}. */
    private static Path crafted(Path file, String entry, byte[] chunk, int times) throws java.io.IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("release.yaml"));
            zip.write("release: crafted".getBytes());
            zip.putNextEntry(new ZipEntry(entry));
            for (int i = 0; i < times; i++) {
                zip.write(chunk);
            }
        }
        return file;
    }

    /** Makes every central directory entry claim 100 bytes unpacked, as a bomb that fools header checks does. */
    private static void claimSmallSizes(Path zip) throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(zip);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= bytes.length; at++) {
            if (buffer.getInt(at) == 0x02014b50) { // a central directory header: its uncompressed size at +24
                buffer.putInt(at + 24, 100);
            }
        }
        Files.write(zip, bytes);
    }

    private static long unpackedFolders() throws java.io.IOException {
        try (var temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return temp.filter(p -> p.getFileName().toString().startsWith("deploykit-release-")).count();
        }
    }

    @Test
    void aManifestOfNestedAliasesOrTooLargeIsRefusedWithoutBeingExpanded() throws Exception {
        StringBuilder bomb = new StringBuilder("release: bomb\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 12; i++) {
            bomb.append((char) ('b' + i)).append(": &").append((char) ('b' + i)).append(" [")
                .append(("*" + (char) ('a' + i) + ", ").repeat(9)).append('*').append((char) ('a' + i)).append("]\n");
        }
        Path folder = Files.createDirectories(dir.resolve("bomb"));
        Files.writeString(folder.resolve("release.yaml"), bomb);
        try (ReleaseBundle bundle = ReleaseBundle.open(folder)) {
            // the aliases are never expanded into the tree: read as a manifest without steps or waves, at once
            InvalidReleaseException failure = assertThrows(InvalidReleaseException.class,
                    () -> ReleaseValidator.validate(bundle));
            assertTrue(failure.getMessage().contains("steps must be a non-empty list"), failure.getMessage());
            assertTrue(failure.getMessage().length() < 10_000, "nothing expanded in the report");
        }

        Files.writeString(folder.resolve("release.yaml"), "release: big\n# " + "x".repeat(300 * 1024));
        try (ReleaseBundle bundle = ReleaseBundle.open(folder)) {
            InvalidReleaseException failure = assertThrows(InvalidReleaseException.class,
                    () -> ReleaseValidator.validate(bundle));
            assertTrue(failure.getMessage().contains("more than the 262144 a manifest may have"), failure.getMessage());
        }
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }
}
