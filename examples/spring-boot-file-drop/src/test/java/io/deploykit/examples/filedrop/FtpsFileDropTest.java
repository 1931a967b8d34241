package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * FTPS, the default: a real FTP server speaking TLS with a self-signed certificate made for the test (keytool). The
 * certificate is trusted through a Spring Boot SSL bundle; the server sees every login over TLS; a server whose
 * certificate is not trusted stops the start.
 */
class FtpsFileDropTest {

    private static final String KEYSTORE_PASSWORD = "test-keystore";

    @TempDir
    Path work;

    @Test
    void explicitTlsIsTheDefaultAndDeploys() throws Exception {
        dropOverTls(false);
    }

    @Test
    void implicitTlsDeploys() throws Exception {
        dropOverTls(true);
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedStopsTheStart() throws Exception {
        Path keystore = selfSignedKeystore();
        try (EmbeddedFtpServer ftp = new EmbeddedFtpServer(work.resolve("ftp-home"), EmbeddedFtpServer.USER,
                EmbeddedFtpServer.PASSWORD, new EmbeddedFtpServer.Tls(keystore, KEYSTORE_PASSWORD, false))) {
            List<String> arguments = arguments(ftp); // no bundle: the JVM's CAs, which never signed it
            Exception failure = assertThrows(Exception.class, () -> start(arguments).close());
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                messages.append(cause).append(" | ");
            }
            assertTrue(messages.toString().contains("SSLHandshakeException"), messages.toString());
            assertEquals(0, ftp.plainLogins());
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostStopsTheStart() throws Exception {
        Path keystore = keystore("SAN=dns:elsewhere.example");
        try (EmbeddedFtpServer ftp = new EmbeddedFtpServer(work.resolve("ftp-home"), EmbeddedFtpServer.USER,
                EmbeddedFtpServer.PASSWORD, new EmbeddedFtpServer.Tls(keystore, KEYSTORE_PASSWORD, false))) {
            List<String> arguments = arguments(ftp);
            arguments.add("--spring.ssl.bundle.pem.ftp-server.truststore.certificate=file:" + exportCertificate(keystore));
            arguments.add("--deploykit.example.ftp.ssl-bundle=ftp-server");
            Exception failure = assertThrows(Exception.class, () -> start(arguments).close());
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                messages.append(cause).append(" | ");
            }
            assertTrue(messages.toString().contains("127.0.0.1") && messages.toString().contains("SSLHandshakeException"),
                    "the host name is checked: " + messages);
            assertEquals(0, ftp.plainLogins());
        }
    }

    private void dropOverTls(boolean implicit) throws Exception {
        Path keystore = selfSignedKeystore();
        Path certificate = exportCertificate(keystore);
        try (EmbeddedFtpServer ftp = new EmbeddedFtpServer(work.resolve("ftp-home"), EmbeddedFtpServer.USER,
                EmbeddedFtpServer.PASSWORD, new EmbeddedFtpServer.Tls(keystore, KEYSTORE_PASSWORD, implicit))) {
            List<String> arguments = arguments(ftp);
            arguments.add("--spring.ssl.bundle.pem.ftp-server.truststore.certificate=file:" + certificate);
            arguments.add("--deploykit.example.ftp.ssl-bundle=ftp-server");
            if (implicit) {
                arguments.add("--deploykit.example.ftp.tls=implicit");
            }
            try (ConfigurableApplicationContext app = start(arguments)) {
                Path file = RapidStartFiles.write(work.resolve("tls.rapidstart"), "FTPS-" + implicit, "Over TLS", 1, 1).file();
                ftp.upload(file, "drop/rapidstart/tls.rapidstart");

                Path done = ftp.home().resolve("drop/rapidstart/.done/tls.rapidstart");
                Eventually.await("tls.rapidstart in .done on the server", Duration.ofSeconds(30), () -> Files.exists(done));
                BcEmulator bc = app.getBean(BcEmulator.class);
                assertEquals("Completed", bc.packageByCode(bc.company(EmbeddedEmulators.DEMO_COMPANY).id(),
                        "FTPS-" + implicit).orElseThrow().applyStatus());
            }
            assertEquals(0, ftp.plainLogins(), "no login in the clear");
            assertTrue(ftp.secureLogins() > 3, "the check, the consumers and the test's uploader over TLS: " + ftp.secureLogins());
        }
    }

    private List<String> arguments(EmbeddedFtpServer ftp) {
        return new ArrayList<>(List.of("--deploykit.example.emulators=on",
                "--deploykit.example.source=ftp", "--deploykit.example.inbox=drop",
                "--deploykit.example.ftp.host=127.0.0.1", "--deploykit.example.ftp.port=" + ftp.port(),
                "--deploykit.example.ftp.username=" + EmbeddedFtpServer.USER,
                "--deploykit.example.ftp.password=" + EmbeddedFtpServer.PASSWORD,
                "--deploykit.example.ftp.stable-for=1s",
                "--deploykit.example.state-directory=" + work.resolve("state"),
                "--deploykit.example.demo-folder=" + work.resolve("demo")));
    }

    private static ConfigurableApplicationContext start(List<String> arguments) {
        return new SpringApplicationBuilder(FileDropApplication.class).profiles("test").run(arguments.toArray(String[]::new));
    }

    /** A PKCS12 keystore with a key and a self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private Path selfSignedKeystore() throws Exception {
        return keystore("SAN=ip:127.0.0.1");
    }

    private Path keystore(String subjectAlternativeName) throws Exception {
        Path keystore = work.resolve("ftp-server.p12");
        keytool("-genkeypair", "-alias", "ftp", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", subjectAlternativeName, "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD);
        return keystore;
    }

    private Path exportCertificate(Path keystore) throws Exception {
        Path pem = work.resolve("ftp-server.pem");
        keytool("-exportcert", "-rfc", "-alias", "ftp", "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD,
                "-file", pem.toString());
        return pem;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
