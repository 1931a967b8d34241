package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** An FTP user whose name and password hold characters a URI gives a meaning to logs in and deploys all the same. */
class FtpUserNameTest {

    @TempDir
    Path work;

    @Test
    void aUserNameWithAmpersandAndPlusLogsInAndDeploys() throws Exception {
        String user = "drop&deploy+ops";
        try (EmbeddedFtpServer ftp = new EmbeddedFtpServer(work.resolve("ftp-home"), user, "p&ss+word=1");
             ConfigurableApplicationContext app = new SpringApplicationBuilder(FileDropApplication.class)
                     .profiles("test").run("--deploykit.example.emulators=on",
                             "--deploykit.example.source=ftp", "--deploykit.example.inbox=drop",
                             "--deploykit.example.ftp.host=127.0.0.1", "--deploykit.example.ftp.port=" + ftp.port(),
                             "--deploykit.example.ftp.username=" + user, "--deploykit.example.ftp.password=p&ss+word=1",
                             "--deploykit.example.ftp.stable-for=1s", "--deploykit.example.ftp.tls=none",
                             "--deploykit.example.state-directory=" + work.resolve("state"),
                             "--deploykit.example.demo-folder=" + work.resolve("demo"))) {
            Path file = RapidStartFiles.write(work.resolve("odd-user.rapidstart"), "FTP-ODD-USER", "Odd user", 1, 1).file();
            ftp.upload(file, "drop/rapidstart/odd-user.rapidstart");

            Path done = ftp.home().resolve("drop/rapidstart/.done/odd-user.rapidstart");
            Eventually.await("odd-user.rapidstart in .done on the server", Duration.ofSeconds(30), () -> Files.exists(done));
            BcEmulator bc = app.getBean(BcEmulator.class);
            assertEquals("Completed", bc.packageByCode(bc.company(EmbeddedEmulators.DEMO_COMPANY).id(), "FTP-ODD-USER")
                    .orElseThrow().applyStatus());
        }
    }
}
