package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * SIGTERM (Ctrl+C, a rolling update) while a deploy waits for its import, longer than Camel's shutdown timeout: the
 * file stays in the inbox, not in .error, and the next start deploys it, continuing the import that was running
 * instead of sending it again.
 */
class GracefulStopTest {

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

    private List<String> arguments(Path inbox) {
        // no cluster: one instance, its progress in a local folder
        return services.instanceArguments(inbox, "--camel.main.shutdown-timeout=2");
    }

    @Test
    void sigtermDuringAnImportLeavesTheFileInTheInboxAndTheNextStartFinishesIt() throws Exception {
        Path inbox = work.resolve("inbox");
        String code = "STOP-MID-IMPORT";
        Path file = inbox.resolve("rapidstart/stopped.rapidstart");
        services.bc.faults().stickJobsOf(code, true); // the import outlasts the shutdown timeout
        try {
            try (ChildApplication first = ChildApplication.start("stopped", work, arguments(inbox))) {
                first.awaitStarted();
                RapidStartFiles.write(file, code, "Stopped", 2, 2);
                Eventually.await("the import under way", Duration.ofSeconds(30),
                        () -> first.logged("Started the import of configuration package " + code), first::tail);

                first.terminate(Duration.ofSeconds(60));

                assertTrue(first.logged("is shutting down"), "a graceful stop:" + first.tail());
                assertTrue(first.logged("Rollback file strategy"), "the file's exchange rolled back, not committed to"
                                                                  + " .error:" + first.tail());
            }
            assertTrue(Files.exists(file), "the file stays in the inbox");
            assertTrue(Files.notExists(inbox.resolve("rapidstart/.error/stopped.rapidstart")), "not moved to .error");
            assertTrue(Files.notExists(inbox.resolve("rapidstart/.error/stopped.rapidstart.error.txt")), "no failure note");
            assertEquals(List.of(), leftovers(inbox.resolve("rapidstart")), "no lock or temporary file left beside it");

            try (ChildApplication second = ChildApplication.start("restarted", work, arguments(inbox))) {
                second.awaitStarted();
                services.bc.faults().stickJobsOf(code, false);
                Eventually.await("stopped.rapidstart in .done after the restart", Duration.ofSeconds(60),
                        () -> Files.exists(inbox.resolve("rapidstart/.done/stopped.rapidstart")), second::tail);
                assertTrue(second.logged("Resuming the deploy of " + code), second.tail());
            }
        } finally {
            services.bc.faults().stickJobsOf(code, false);
        }
        assertEquals(1, services.bc.imports().stream().filter(i -> i.packageCode().equals(code)).count(), "imported once");
        assertEquals(1, services.bc.applies().stream().filter(a -> a.packageCode().equals(code)).count(), "applied once");
    }

    @Test
    void sigtermWhileAnAppInstallsLeavesTheFileAndTheNextStartWaitsForThatInstall() throws Exception {
        Path inbox = work.resolve("apps-inbox");
        AppManifest app = new AppManifest(UUID.randomUUID().toString(), "stopped-app", "Contoso",
                AppVersion.parse("1.0.0.0"), List.of());
        Path file = inbox.resolve("apps/stopped-app.app");
        services.bc.apps().holdOperations(true); // the install outlasts the shutdown timeout
        try {
            try (ChildApplication first = ChildApplication.start("stopped-app", work, arguments(inbox))) {
                first.awaitStarted();
                AppFile.write(file, app);
                Eventually.await("the app uploaded", Duration.ofSeconds(30),
                        () -> first.logged("from stopped-app.app: operation"), first::tail);

                first.terminate(Duration.ofSeconds(60));

                assertTrue(first.logged("Rollback file strategy"), "rolled back, not committed to .error:" + first.tail());
            }
            assertTrue(Files.exists(file), "the file stays in the inbox");
            assertTrue(Files.notExists(inbox.resolve("apps/.error/stopped-app.app")), "not moved to .error");
            assertEquals(List.of(), leftovers(inbox.resolve("apps")), "no lock or temporary file left beside it");

            try (ChildApplication second = ChildApplication.start("restarted-app", work, arguments(inbox))) {
                second.awaitStarted();
                Eventually.await("the restart waiting for the install the first start made", Duration.ofSeconds(30),
                        () -> second.logged("Resuming the deploy of app stopped-app"), second::tail);
                services.bc.apps().holdOperations(false);
                Eventually.await("stopped-app.app in .done after the restart", Duration.ofSeconds(60),
                        () -> Files.exists(inbox.resolve("apps/.done/stopped-app.app")), second::tail);
            }
        } finally {
            services.bc.apps().holdOperations(false);
        }
        assertEquals(1, services.bc.apps().installs().stream().filter(i -> i.appId().equals(app.id())).count(),
                "uploaded once");
    }

    /** What is in the folder beside the deployed files and the .done/.error folders. */
    private static List<String> leftovers(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.equals(".done") && !name.equals(".error") && !name.endsWith(".rapidstart")
                                    && !name.endsWith(".app"))
                    .toList();
        }
    }
}
