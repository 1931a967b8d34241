package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.deploykit.camel.bc.BcConstants;
import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * A file moved from .done back into the inbox as it is (mv keeps its modification time, so it is the same file to
 * the deploy journal) is deployed again, though its package was deleted on the service since: once a file reached its
 * outcome folder, dropping it again is a new intention. (A file in the inbox when the process dies is still resumed,
 * not deployed twice: {@link CrashRecoveryTest}.)
 */
class RedropTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void aFileMovedBackFromDoneIsDeployedAgainThoughItsPackageWasDeleted() throws Exception {
        Path inbox = work.resolve("inbox");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FileDropApplication.class).profiles("test")
                .run("--deploykit.example.inbox=" + inbox, "--deploykit.example.demo-folder=" + work.resolve("demo"),
                        "--deploykit.example.emulators=on")) {
            BcEmulator bc = app.getBean(BcEmulator.class);
            CamelContext camel = app.getBean(CamelContext.class);
            Path made = RapidStartFiles.write(work.resolve("redrop.rapidstart"), "REDROP", "Redrop", 1, 2).file();
            FileTime modified = FileTime.from(Instant.now().minusSeconds(3600));
            Files.setLastModifiedTime(made, modified);
            Path dropped = inbox.resolve("rapidstart/redrop.rapidstart");
            Files.move(made, dropped, StandardCopyOption.ATOMIC_MOVE);
            Eventually.await("deployed once and moved to .done", WITHIN,
                    () -> applies(bc) == 1 && done(inbox) != null && camel.getInflightRepository().size() == 0);
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                template.requestBodyAndHeader("bc:configurationPackage?operation=delete", null,
                        BcConstants.PACKAGE_CODE, "REDROP");
            }

            Path done = done(inbox);
            Files.move(done, dropped, StandardCopyOption.ATOMIC_MOVE);
            assertEquals(modified, Files.getLastModifiedTime(dropped), "moved back as it was");
            Eventually.await("deployed again and moved to .done", WITHIN,
                    () -> applies(bc) == 2 && Files.notExists(dropped) && done(inbox) != null
                          && camel.getInflightRepository().size() == 0);

            assertEquals(2, bc.imports().stream().filter(i -> i.packageCode().equals("REDROP")).count(), "imported again");
            assertTrue(Files.notExists(inbox.resolve("rapidstart/.error")) || isEmpty(inbox.resolve("rapidstart/.error")));
        }
    }

    private static long applies(BcEmulator bc) {
        return bc.applies().stream().filter(a -> a.packageCode().equals("REDROP")).count();
    }

    /** The file in .done (whatever name the outcome move gives it), or null. */
    private static Path done(Path inbox) {
        Path folder = inbox.resolve("rapidstart/.done");
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("redrop")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }
}
