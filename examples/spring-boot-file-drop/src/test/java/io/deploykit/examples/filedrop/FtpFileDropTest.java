package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.deploykit.emulator.bc.AppliedPackage;
import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.PictureUpdate;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;

/** The same routes reading from a real FTP server, chosen by configuration alone. */
@SpringBootTest
@ActiveProfiles("test")
class FtpFileDropTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    static Path work;
    static EmbeddedFtpServer ftp;

    @Autowired
    BcEmulator bc;
    @Autowired
    FtpWorkDirectory ftpWork;

    @DynamicPropertySource
    static void ftpSource(DynamicPropertyRegistry registry) throws Exception {
        ftp = new EmbeddedFtpServer(work.resolve("ftp-home"));
        registry.add("deploykit.example.source", () -> "ftp");
        registry.add("deploykit.example.inbox", () -> "drop");
        registry.add("deploykit.example.ftp.host", () -> "127.0.0.1");
        registry.add("deploykit.example.ftp.port", ftp::port);
        registry.add("deploykit.example.ftp.username", () -> EmbeddedFtpServer.USER);
        registry.add("deploykit.example.ftp.password", () -> EmbeddedFtpServer.PASSWORD);
        registry.add("deploykit.example.ftp.tls", () -> "none"); // FtpsFileDropTest: over TLS
        // well above the slow uploads' pauses (150 ms), also when a loaded machine stalls the uploading thread
        registry.add("deploykit.example.ftp.stable-for", () -> "2s");
        registry.add("deploykit.example.state-directory", () -> work.resolve("state").toString());
        registry.add("deploykit.example.demo-folder", () -> work.resolve("demo").toString());
        registry.add("deploykit.example.emulators", () -> "on");
    }

    @AfterAll
    static void stopFtp() {
        ftp.close();
    }

    private Path remote(String path) {
        return ftp.home().resolve("drop").resolve(path);
    }

    @Test
    void packagesUploadedToFtpAreDeployedAndMovedAsideThere() throws Exception {
        Path valid = RapidStartFiles.write(work.resolve("ftp-valid.rapidstart"), "FTP-VALID", "Over FTP", 2, 2).file();
        Path invalid = Files.writeString(work.resolve("ftp-broken.rapidstart"), "not gzip");

        upload(valid, "drop/rapidstart/ftp-valid.rapidstart");
        upload(invalid, "drop/rapidstart/ftp-broken.rapidstart");

        Eventually.await("ftp-valid.rapidstart in .done on the server", WITHIN,
                () -> Files.exists(remote("rapidstart/.done/ftp-valid.rapidstart")), this::serverState);
        Eventually.await("ftp-broken.rapidstart in .error on the server", WITHIN,
                () -> Files.exists(remote("rapidstart/.error/ftp-broken.rapidstart")), this::serverState);
        Eventually.await("the failure note on the server", WITHIN,
                () -> Files.exists(remote("rapidstart/.error/ftp-broken.rapidstart.error.txt")), this::serverState);

        String company = bc.company(EmbeddedEmulators.DEMO_COMPANY).id();
        assertEquals("Completed", bc.packageByCode(company, "FTP-VALID").orElseThrow().applyStatus());
        assertTrue(Files.readString(remote("rapidstart/.error/ftp-broken.rapidstart.error.txt")).contains("not gzip"));
    }

    @Test
    void aReleaseFolderOnTheServerMovesWholeToErrorSayingToDropAZip() throws Exception {
        upload(Files.writeString(work.resolve("README.txt"), "the release's other files"),
                "drop/releases/ftp-folder/README.txt");
        upload(Files.writeString(work.resolve("release.yaml"), "release: ftp-folder\n"),
                "drop/releases/ftp-folder/release.yaml");

        Eventually.await("the folder and its note in .error on the server", WITHIN,
                () -> Files.isRegularFile(remote("releases/.error/ftp-folder/README.txt")), this::serverState);
        assertFalse(Files.exists(remote("releases/ftp-folder")));
        assertTrue(Files.readString(remote("releases/.error/ftp-folder.error.txt")).contains(
                "a release folder cannot be taken from an FTP inbox, which fetches one file at a time: drop the release"
                + " as a zip"));
    }

    @Test
    void aSecondFailureOfTheSameNameKeepsTheFirstAndBothNotesOnTheServer() throws Exception {
        upload(Files.writeString(work.resolve("first-broken"), "first broken"), "drop/rapidstart/ftp-twice.rapidstart");
        Eventually.await("the first file and its note on the server", WITHIN,
                () -> Files.exists(remote("rapidstart/.error/ftp-twice.rapidstart.error.txt"))
                      && Files.exists(remote("rapidstart/.error/ftp-twice.rapidstart"))
                      && Files.notExists(remote("rapidstart/ftp-twice.rapidstart")), this::serverState);
        upload(Files.writeString(work.resolve("second-broken"), "second broken"), "drop/rapidstart/ftp-twice.rapidstart");
        Eventually.await("the second file and its note beside the first", WITHIN, () -> {
            try (Stream<Path> files = Files.list(remote("rapidstart/.error"))) {
                return files.filter(f -> f.getFileName().toString().startsWith("ftp-twice.rapidstart.")).count() == 3;
            } catch (IOException e) {
                return false;
            }
        }, this::serverState);

        assertEquals("first broken", Files.readString(remote("rapidstart/.error/ftp-twice.rapidstart")));
        try (Stream<Path> files = Files.list(remote("rapidstart/.error"))) {
            Path second = files.filter(f -> f.getFileName().toString().matches("ftp-twice\\.rapidstart\\.\\d{8}T[\\d.]+Z"))
                    .findFirst().orElseThrow();
            assertEquals("second broken", Files.readString(second));
            assertTrue(Files.exists(second.resolveSibling(second.getFileName() + ".error.txt")), "its own note");
        }
    }

    @Test
    void aPackageUploadedSlowlyIsDeployedOnceAndWhole() throws Exception {
        // 100 tables of 40 records: tens of KB, sent 2 KB at a time with pauses shorter than stable-for
        Path staged = RapidStartFiles.write(work.resolve("ftp-slow.rapidstart"), "FTP-SLOW", "Slowly", 100, 40).file();
        byte[] content = Files.readAllBytes(staged);
        assertTrue(content.length > 16 * 1024, "a file that takes several seconds to upload: " + content.length);

        ftp.upload(new ByteArrayInputStream(content), "drop/rapidstart/ftp-slow.rapidstart", 2048, Duration.ofMillis(150));

        Eventually.await("ftp-slow.rapidstart in .done on the server", WITHIN,
                () -> Files.exists(remote("rapidstart/.done/ftp-slow.rapidstart")), this::serverState);
        String company = bc.company(EmbeddedEmulators.DEMO_COMPANY).id();
        assertEquals(4000, bc.packageByCode(company, "FTP-SLOW").orElseThrow().numberOfRecords(), "all of it imported");
        assertEquals(List.of(sha256(content)), bc.applies().stream().filter(a -> a.packageCode().equals("FTP-SLOW"))
                .map(AppliedPackage::sha256).toList(), "applied once, the whole file");
    }

    @Test
    void aPictureUploadedSlowlyIsSentOnceAndWhole() throws Exception {
        byte[] picture = Images.png(300, 200);
        ftp.upload(new ByteArrayInputStream(picture), "drop/pictures/1001.png", Math.max(512, picture.length / 12),
                Duration.ofMillis(150));

        Eventually.await("1001.png in .done on the server", WITHIN,
                () -> Files.exists(remote("pictures/.done/1001.png")), this::serverState);
        String company = bc.company(EmbeddedEmulators.DEMO_COMPANY).id();
        String item = bc.pictureOf(company, "items", "1001").orElseThrow().parentId();
        assertEquals(List.of(sha256(picture)), bc.pictureUpdates().stream().filter(u -> u.parentId().equals(item))
                .map(PictureUpdate::sha256).toList(), "sent once, the whole picture");
    }

    @Test
    void packagesAreDownloadedIntoAFolderOnlyThisInstanceCanReadAndItGoesAtStop() throws Exception {
        Path folder = ftpWork.path();
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"),
                Files.getPosixFilePermissions(folder), "owner only: nobody else reads or swaps a package");
        assertTrue(folder.getFileName().toString().startsWith("deploykit-ftp-") && !folder.endsWith("deploykit-ftp"),
                "a folder of this instance, not one shared by all: " + folder);

        FileDropProperties properties = new FileDropProperties();
        properties.setSource(FileDropProperties.Source.ftp);
        FtpWorkDirectory another = new FtpWorkDirectory(properties);
        assertTrue(!another.path().equals(folder), "each instance its own");
        Files.writeString(another.path().resolve("left.rapidstart"), "x");
        another.close();
        assertTrue(Files.notExists(another.path()), "removed at stop");
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** The files on the server and the failure notes among them, to say what happened instead. */
    private String serverState() {
        StringBuilder state = new StringBuilder("; on the server:");
        try (Stream<Path> files = Files.walk(ftp.home())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                state.append("\n  ").append(ftp.home().relativize(file));
                if (file.toString().endsWith(".error.txt")) {
                    state.append(": ").append(Files.readString(file).strip());
                }
            }
        } catch (IOException e) {
            state.append(" (could not list: ").append(e).append(')');
        }
        return state.toString();
    }

    private static void upload(Path file, String remotePath) throws IOException {
        ftp.upload(file, remotePath);
    }
}
