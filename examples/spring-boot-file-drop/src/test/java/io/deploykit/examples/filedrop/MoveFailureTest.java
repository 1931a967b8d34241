package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * A file that is deployed but cannot be moved to .done is not deployed again at every poll; a folder whose files
 * could not be moved stops the start-up, naming itself.
 */
class MoveFailureTest {

    @TempDir
    Path work;

    private ConfigurableApplicationContext start(Path inbox) {
        return new SpringApplicationBuilder(FileDropApplication.class).profiles("test")
                .run("--deploykit.example.inbox=" + inbox, "--deploykit.example.demo-folder=" + work.resolve("demo"),
                        "--deploykit.example.emulators=on");
    }

    @Test
    void aDeployedFileWhoseMoveFailsIsNotDeployedAgainAndMovesOnceItCan() throws Exception {
        Path inbox = work.resolve("inbox");
        try (ConfigurableApplicationContext app = start(inbox)) {
            BcEmulator bc = app.getBean(BcEmulator.class);
            Path done = inbox.resolve("rapidstart/.done");
            Files.deleteIfExists(done);
            Files.writeString(done, "not a folder"); // the move to .done/ fails from now on

            RapidStartFiles.write(inbox.resolve("rapidstart/stuck.rapidstart"), "MOVE-FAILS", "Move fails", 1, 1);
            Eventually.await("applied", Duration.ofSeconds(30),
                    () -> bc.applies().stream().anyMatch(a -> a.packageCode().equals("MOVE-FAILS")));
            long requestsAfterDeploy = bc.requests().size();
            Eventually.await("the file picked again after the failed move", Duration.ofSeconds(30),
                    () -> bc.requests().size() > requestsAfterDeploy + 1); // each later pick reads the package once

            assertTrue(Files.exists(inbox.resolve("rapidstart/stuck.rapidstart")), "still in the inbox");
            assertEquals(1, bc.applies().stream().filter(a -> a.packageCode().equals("MOVE-FAILS")).count(), "applied once");
            assertEquals(1, bc.imports().stream().filter(a -> a.packageCode().equals("MOVE-FAILS")).count(), "imported once");
            assertEquals(1, bc.requestCount("packages.create"), "created once");

            Files.delete(done); // the operator fixes the folder
            Eventually.await("stuck.rapidstart in .done", Duration.ofSeconds(30),
                    () -> Files.exists(done.resolve("stuck.rapidstart")));
            assertEquals(1, bc.applies().stream().filter(a -> a.packageCode().equals("MOVE-FAILS")).count(), "still once");
        }
    }

    @Test
    void startUpFailsWhenFilesCannotBeMovedToDone() throws Exception {
        Path inbox = work.resolve("broken-inbox");
        Files.createDirectories(inbox.resolve("pictures"));
        Files.writeString(inbox.resolve("pictures/.done"), "not a folder");

        Exception failure = assertThrows(Exception.class, () -> start(inbox).close());

        String message = rootMessage(failure);
        assertTrue(message.contains("pictures") && message.contains(".done"), message);
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
