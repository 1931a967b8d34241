package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** Two instances, each in its own JVM, on one FTP directory and one PostgreSQL: every file is deployed once. */
class ClusterFtpFileDropTest {

    private static final Pattern PICKED = Pattern.compile("Picked ([^\\s:]+)");

    @TempDir
    static Path work;
    static SharedServices services;
    static EmbeddedFtpServer ftp;

    @BeforeAll
    static void startServices() throws Exception {
        services = new SharedServices(Duration.ofMillis(150));
        ftp = new EmbeddedFtpServer(work.resolve("ftp-home"));
    }

    @AfterAll
    static void stopServices() throws Exception {
        ftp.close();
        services.close();
    }

    private List<String> instanceArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--deploykit.example.source=ftp",
                "--deploykit.example.inbox=drop",
                "--deploykit.example.ftp.host=127.0.0.1",
                "--deploykit.example.ftp.port=" + ftp.port(),
                "--deploykit.example.ftp.username=" + EmbeddedFtpServer.USER,
                "--deploykit.example.ftp.password=" + EmbeddedFtpServer.PASSWORD,
                "--deploykit.example.ftp.tls=none",
                "--deploykit.example.ftp.stable-for=500ms",
                "--deploykit.example.poll-delay=200ms"));
        arguments.addAll(services.serviceArguments());
        arguments.addAll(services.clusterArguments(Duration.ofMillis(300), Duration.ofSeconds(3)));
        return arguments;
    }

    @Test
    void twoInstancesOnOneFtpDirectoryDeployEachFileOnce() throws Exception {
        try (ChildApplication first = ChildApplication.start("ftp-first", work, instanceArguments());
             ChildApplication second = ChildApplication.start("ftp-second", work, instanceArguments())) {
            first.awaitStarted();
            second.awaitStarted();

            List<String> codes = new ArrayList<>();
            Files.createDirectories(work.resolve("staged"));
            for (int i = 0; i < 10; i++) {
                String code = "FTP-CL-" + i;
                codes.add(code);
                Path file = RapidStartFiles.write(work.resolve("staged/" + code + ".rapidstart"), code, code, 1, 2).file();
                ftp.upload(file, "drop/rapidstart/" + code + ".rapidstart");
            }

            Path done = ftp.home().resolve("drop/rapidstart/.done");
            for (String code : codes) {
                Eventually.await(code + " in .done on the server", Duration.ofSeconds(90),
                        () -> Files.exists(done.resolve(code + ".rapidstart")), () -> first.tail() + second.tail());
            }
            Map<String, Long> picks = Stream.concat(first.matches(PICKED).stream(), second.matches(PICKED).stream())
                    .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
            for (String code : codes) {
                assertEquals(1L, picks.getOrDefault(code + ".rapidstart", 0L), "picked once: " + code + " " + picks);
                assertEquals(1, services.bc.applies().stream().filter(a -> a.packageCode().equals(code)).count(),
                        code + " applied once");
            }
            assertTrue(Files.notExists(ftp.home().resolve("drop/rapidstart/.error")) || isEmpty(ftp.home().resolve("drop/rapidstart/.error")),
                    "no failure");
        }
    }

    private static boolean isEmpty(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }
}
