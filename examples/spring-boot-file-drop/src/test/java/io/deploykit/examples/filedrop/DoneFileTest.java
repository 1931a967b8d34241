package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** With done files configured, a file waits, however long unchanged, until the uploader writes its done file. */
class DoneFileTest {

    @TempDir
    Path work;

    @Test
    void aFileIsTakenOnlyOnceItsDoneFileIsWritten() throws Exception {
        Path inbox = work.resolve("inbox");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FileDropApplication.class).profiles("test")
                .run("--deploykit.example.inbox=" + inbox, "--deploykit.example.demo-folder=" + work.resolve("demo"),
                        "--deploykit.example.emulators=on", "--deploykit.example.done-file-name=$simple{file:name}.done")) {
            BcEmulator bc = app.getBean(BcEmulator.class);
            Path file = RapidStartFiles.write(inbox.resolve("rapidstart/waiting.rapidstart"), "DONE-FILE", "Waits", 1, 1).file();
            long requests = bc.requests().size();
            Thread.sleep(2_000); // ten polls and more than six read-lock ages: the file would have been taken by now

            assertEquals(requests, bc.requests().size(), "nothing sent while the done file is missing");
            assertTrue(Files.exists(file));

            Files.createFile(inbox.resolve("rapidstart/waiting.rapidstart.done"));
            Eventually.await("waiting.rapidstart in .done", Duration.ofSeconds(30),
                    () -> Files.exists(inbox.resolve("rapidstart/.done/waiting.rapidstart")));
            Eventually.await("the done file removed", Duration.ofSeconds(10),
                    () -> Files.notExists(inbox.resolve("rapidstart/waiting.rapidstart.done")));
            assertEquals(1, bc.applies().stream().filter(a -> a.packageCode().equals("DONE-FILE")).count());
        }
    }
}
