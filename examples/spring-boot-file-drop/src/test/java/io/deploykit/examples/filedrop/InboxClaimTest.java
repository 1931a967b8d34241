package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * Instances without a cluster database: a second one on the same inbox refuses to start while the first runs, and
 * starts once it has stopped; a claim left by a killed instance is taken over.
 */
class InboxClaimTest {

    private static final Duration HEARTBEAT = Duration.ofMillis(300);
    private static final String CLAIM = ".deploykit-claim";

    @TempDir
    static Path work;
    static SharedServices services;

    @BeforeAll
    static void startServices() throws Exception {
        services = new SharedServices(Duration.ofMillis(100));
    }

    @AfterAll
    static void stopServices() throws Exception {
        services.close();
    }

    private static List<String> alone(Path inbox) {
        return services.instanceArguments(inbox,
                "--deploykit.example.inbox-claim-heartbeat=" + HEARTBEAT.toMillis() + "ms");
    }

    @Test
    void aSecondInstanceAloneOnTheSameInboxRefusesToStartWhileTheFirstRuns() throws Exception {
        Path inbox = work.resolve("claimed");
        try (ChildApplication first = ChildApplication.start("first", work, alone(inbox)).awaitStarted()) {
            try (ChildApplication second = ChildApplication.start("second", work, alone(inbox))) {
                Eventually.await("the second instance exiting", Duration.ofSeconds(60), () -> !second.isAlive(),
                        second::tail);
                assertTrue(second.logged("is claimed by another running instance"), second.tail());
                assertTrue(second.logged("deploykit.example.cluster.jdbc-url"), second.tail());
                assertTrue(!second.logged("Started FileDropApplication"), second.tail());
            }
            assertTrue(first.logged("give each the same deploykit.example.cluster.jdbc-url"), "says how to run several");
            RapidStartFiles.write(inbox.resolve("rapidstart/claimed.rapidstart"), "CLAIMED", "Claimed", 1, 1);
            Eventually.await("the first instance still deploying", Duration.ofSeconds(30),
                    () -> Files.exists(inbox.resolve("rapidstart/.done/claimed.rapidstart")), first::tail);
            first.terminate(Duration.ofSeconds(30)); // SIGTERM: a graceful stop (exit code 143)
        }
        assertTrue(Files.notExists(inbox.resolve(CLAIM)), "released at stop");
        try (ChildApplication next = ChildApplication.start("next", work, alone(inbox)).awaitStarted()) {
            assertTrue(!next.logged("Taking over the claim"), "a released claim is not taken over:" + next.tail());
        }
    }

    @Test
    void theClaimOfAKilledInstanceIsTakenOver() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("stale"));
        // left by an instance killed long ago, written by a clock far ahead: only its standing still counts
        Files.writeString(inbox.resolve(CLAIM), "owner=gone-host/4242/deadbeef\nbeat=17\nwritten=2099-01-01T00:00:00Z\n");
        try (ChildApplication survivor = ChildApplication.start("survivor", work, alone(inbox)).awaitStarted()) {
            assertTrue(survivor.logged("Taking over the claim"), survivor.tail());
            assertTrue(survivor.logged("gone-host/4242/deadbeef"), survivor.tail());
            assertTrue(!Files.readString(inbox.resolve(CLAIM)).contains("gone-host"), "claimed anew");
            RapidStartFiles.write(inbox.resolve("rapidstart/after-takeover.rapidstart"), "STALE-CLAIM", "Stale", 1, 1);
            Eventually.await("deploying after the takeover", Duration.ofSeconds(30),
                    () -> Files.exists(inbox.resolve("rapidstart/.done/after-takeover.rapidstart")), survivor::tail);
        }
    }
}
