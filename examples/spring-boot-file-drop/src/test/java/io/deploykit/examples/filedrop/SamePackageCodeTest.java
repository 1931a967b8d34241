package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * Two versions of one package (the same code inside, different content) dropped together: they are deployed one at a
 * time, the older first (by modification time, whatever their names), by one instance alone and by two sharing the
 * inbox; the service ends with the newer content.
 */
class SamePackageCodeTest {

    @TempDir
    static Path work;
    static SharedServices services;

    @BeforeAll
    static void startServices() throws Exception {
        services = new SharedServices(Duration.ofMillis(150));
    }

    @AfterAll
    static void stopServices() throws Exception {
        services.close();
    }

    private static List<String> arguments(Path inbox, boolean cluster) {
        List<String> arguments = services.instanceArguments(inbox);
        if (cluster) {
            arguments.addAll(services.clusterArguments(Duration.ofMillis(300), Duration.ofSeconds(2)));
        }
        return arguments;
    }

    @Test
    void oneInstanceDeploysTheOlderVersionFirstAndTheNewerAfterIt() throws Exception {
        Path inbox = work.resolve("alone");
        try (ChildApplication alone = ChildApplication.start("alone", work, arguments(inbox, false)).awaitStarted()) {
            dropTwoVersionsAndCheck(inbox, "SAME-ALONE", alone);
        }
    }

    @Test
    void twoInstancesDeployTheOlderVersionFirstAndTheNewerAfterIt() throws Exception {
        Path inbox = work.resolve("shared");
        try (ChildApplication first = ChildApplication.start("first", work, arguments(inbox, true)).awaitStarted();
             ChildApplication second = ChildApplication.start("second", work, arguments(inbox, true)).awaitStarted()) {
            dropTwoVersionsAndCheck(inbox, "SAME-SHARED", first, second);
        }
    }

    private static void dropTwoVersionsAndCheck(Path inbox, String code, ChildApplication... instances) throws Exception {
        Path staging = Files.createDirectories(work.resolve("staging-" + code));
        Path rapidstart = Files.createDirectories(inbox.resolve("rapidstart"));
        // the newer version's name sorts first: listing order alone would deploy it first
        Path v1 = RapidStartFiles.write(staging.resolve("b-" + code + "-v1.rapidstart"), code, code + " v1", 1, 2).file();
        Path v2 = RapidStartFiles.write(staging.resolve("a-" + code + "-v2.rapidstart"), code, code + " v2", 3, 2).file();
        Instant now = Instant.now();
        Files.setLastModifiedTime(v1, FileTime.from(now.minusSeconds(120)));
        Files.setLastModifiedTime(v2, FileTime.from(now.minusSeconds(60)));
        String v1Hash = sha256(v1);
        String v2Hash = sha256(v2);
        Files.move(v2, rapidstart.resolve(v2.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        Files.move(v1, rapidstart.resolve(v1.getFileName()), StandardCopyOption.ATOMIC_MOVE);

        for (Path file : List.of(v1, v2)) {
            Eventually.await(file.getFileName() + " in .done", Duration.ofSeconds(60),
                    () -> Files.exists(rapidstart.resolve(".done").resolve(file.getFileName())),
                    () -> Stream.of(instances).map(ChildApplication::tail).reduce("", String::concat));
        }
        List<String> steps = new ArrayList<>();
        Stream.concat(
                services.bc.imports().stream().filter(i -> i.packageCode().equals(code))
                        .map(i -> new Step(i.at(), "import " + (i.sha256().equals(v1Hash) ? "v1" : "v2"))),
                services.bc.applies().stream().filter(a -> a.packageCode().equals(code))
                        .map(a -> new Step(a.at(), "apply " + (a.sha256().equals(v1Hash) ? "v1" : "v2"))))
                .sorted((a, b) -> a.at().compareTo(b.at())).forEach(step -> steps.add(step.what()));
        assertEquals(List.of("import v1", "apply v1", "import v2", "apply v2"), steps,
                "each version deployed once, the older first, never both at once");
        String lastApplied = services.bc.applies().stream().filter(a -> a.packageCode().equals(code))
                .reduce((a, b) -> b).orElseThrow().sha256();
        assertEquals(v2Hash, lastApplied, "the service ends with the newer content");
        assertEquals(3, services.bc.packages(services.companyId()).stream().filter(p -> p.code().equals(code))
                .findFirst().orElseThrow().numberOfTables(), "the newer version's tables");
        assertTrue(Stream.of(instances).anyMatch(instance -> instance.logged(v2.getFileName() + " waits for the older "
                + v1.getFileName() + " of package " + code)), "the wait said so, at INFO");
        Path errors = rapidstart.resolve(".error");
        assertTrue(Files.notExists(errors) || Files.list(errors).findAny().isEmpty(), "nothing failed");
    }

    private record Step(Instant at, String what) {
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
