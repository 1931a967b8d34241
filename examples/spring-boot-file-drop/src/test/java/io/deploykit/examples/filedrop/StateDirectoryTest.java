package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.camel.spi.StateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.deploykit.camel.core.journal.DirectoryStateRepository;

/**
 * The deploys' records of an instance alone stay out of the inbox, where whoever may drop files could delete or
 * forge them: by default, and by refusing to start with a state directory configured inside it.
 */
class StateDirectoryTest {

    @TempDir
    Path work;

    private ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = "--deploykit.example.inbox=" + work.resolve("inbox");
        all[1] = "--deploykit.example.demo-folder=" + work.resolve("demo");
        all[2] = "--deploykit.example.emulators=on";
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return new SpringApplicationBuilder(FileDropApplication.class).profiles("test").run(all);
    }

    @Test
    void byDefaultTheRecordsAreKeptInTheWorkingDirectoryNotInTheInbox() {
        try (ConfigurableApplicationContext app = start()) {
            Path states = ((DirectoryStateRepository) app.getBean("deployStates", StateRepository.class)).getDirectory();

            assertFalse(states.startsWith(work.resolve("inbox")), states.toString());
            assertTrue(states.startsWith(Path.of(".deploykit-state").toAbsolutePath()), states.toString());
        }
    }

    @Test
    void aStateDirectoryInsideTheInboxStopsTheStart() {
        Path inside = work.resolve("inbox").resolve("states");

        Exception failure = assertThrows(Exception.class,
                () -> start("--deploykit.example.state-directory=" + inside).close());

        String messages = messages(failure);
        assertTrue(messages.contains("deploykit.example.state-directory (" + inside + ") is inside the inbox"), messages);
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append(" | ");
        }
        return text.toString();
    }
}
