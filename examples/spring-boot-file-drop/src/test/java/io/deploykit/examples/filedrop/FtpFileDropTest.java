package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.RapidStartFiles;

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

    @DynamicPropertySource
    static void ftpSource(DynamicPropertyRegistry registry) throws Exception {
        ftp = new EmbeddedFtpServer(work.resolve("ftp-home"));
        registry.add("deploykit.example.source", () -> "ftp");
        registry.add("deploykit.example.inbox", () -> "drop");
        registry.add("deploykit.example.ftp.host", () -> "127.0.0.1");
        registry.add("deploykit.example.ftp.port", ftp::port);
        registry.add("deploykit.example.ftp.username", () -> EmbeddedFtpServer.USER);
        registry.add("deploykit.example.ftp.password", () -> EmbeddedFtpServer.PASSWORD);
        registry.add("deploykit.example.ftp.stable-for", () -> "500ms");
        registry.add("deploykit.example.demo-folder", () -> work.resolve("demo").toString());
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

    /** Uploads as a user would, with an FTP client, creating the directories on the way. */
    private static void upload(Path file, String remotePath) throws IOException {
        FTPClient client = new FTPClient();
        client.connect("127.0.0.1", ftp.port());
        try {
            assertTrue(client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD));
            client.enterLocalPassiveMode();
            client.setFileType(FTP.BINARY_FILE_TYPE);
            String[] parts = remotePath.split("/");
            StringBuilder dir = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                dir.append('/').append(parts[i]);
                client.makeDirectory(dir.toString());
            }
            try (InputStream in = Files.newInputStream(file)) {
                assertTrue(client.storeFile("/" + remotePath, in), client.getReplyString());
            }
        } finally {
            client.logout();
            client.disconnect();
        }
    }
}
