package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release whose instance is killed (SIGKILL, no shutdown hooks) in the middle of a step: the bundle stays in the
 * inbox, and the next start continues the release from the step it had reached: no step is sent twice.
 */
class ReleaseCrashTest {

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
        return services.instanceArguments(inbox); // one instance, its progress in a local folder
    }

    @Test
    void aReleaseKilledMidStepIsContinuedAfterTheRestartWithNoStepSentTwice() throws Exception {
        Path inbox = work.resolve("inbox");
        Path bundle = inbox.resolve("releases/crash.zip");
        services.bc.faults().stickJobsOf("CRASH-B", true); // CRASH-A done, CRASH-B's imports held: the kill lands
        try {
            try (ChildApplication first = ChildApplication.start("release-killed", work, arguments(inbox))) {
                first.awaitStarted();
                ReleaseZips.write(bundle, work.resolve("staged"), "crash", List.of("CRASH-A", "CRASH-B"));
                Eventually.await("CRASH-B importing", Duration.ofSeconds(60),
                        () -> first.logged("Started the import of configuration package CRASH-B"), first::tail);
                first.kill();
            }
            assertTrue(Files.exists(bundle), "the release stays in the inbox");

            services.bc.faults().stickJobsOf("CRASH-B", false);
            try (ChildApplication second = ChildApplication.start("release-restarted", work, arguments(inbox))) {
                second.awaitStarted();
                Path done = inbox.resolve("releases/.done/crash.zip");
                Eventually.await("crash.zip in .done", Duration.ofSeconds(60), () -> Files.exists(done), second::tail);
                String report = Files.readString(inbox.resolve("releases/.done/crash.zip.report.md"));
                assertTrue(report.contains("- Steps: done 2, skipped 2, failed 0, not run 0"), report);
                assertTrue(second.logged("Resuming the deploy of CRASH-B"), "the import under way was waited for:"
                                                                            + second.tail());
            }
        } finally {
            services.bc.faults().stickJobsOf("CRASH-B", false);
        }
        for (String code : List.of("CRASH-A", "CRASH-B")) {
            assertEquals(2, services.bc.imports().stream().filter(i -> i.packageCode().equals(code)).count(),
                    code + " imported once per company over both starts");
            assertEquals(2, services.bc.applies().stream().filter(a -> a.packageCode().equals(code)).count(),
                    code + " applied once per company over both starts");
        }
    }
}
