package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * Instances in different time zones (17 hours apart, far more than the takeover time) share one PostgreSQL: a file
 * whose deploy lasts longer than the takeover time is not taken from its live holder, and the file of a killed
 * instance is taken over by one in another zone, within the takeover time, and deployed once.
 */
class ClusterClockTest {

    private static final Duration HEARTBEAT = Duration.ofMillis(300);
    private static final Duration TAKEOVER = Duration.ofSeconds(2);
    private static final Pattern PICKED = Pattern.compile("Picked ([^\\s:]+)");
    private static final List<String> CODES = List.of("TZ-PKG-0", "TZ-PKG-1", "TZ-PKG-2");

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

    private ChildApplication start(String name, String zone, Path inbox) throws Exception {
        List<String> arguments = services.instanceArguments(inbox);
        arguments.addAll(services.clusterArguments(HEARTBEAT, TAKEOVER));
        return ChildApplication.startWithJvmOptions(name, work, List.of("-Duser.timezone=" + zone), arguments)
                .awaitStarted();
    }

    @Test
    void locksHeldLongerThanTheTakeoverTimeStayWithTheirLiveHolderWhateverItsTimeZone() throws Exception {
        Path inbox = work.resolve("zones-inbox");
        CODES.forEach(code -> services.bc.faults().stickJobsOf(code, true)); // deploys last until released
        try (ChildApplication losAngeles = start("los-angeles", "America/Los_Angeles", inbox)) {
            for (String code : CODES) {
                RapidStartFiles.write(inbox.resolve("rapidstart/" + code + ".rapidstart"), code, "Zones " + code, 1, 2);
            }
            awaitImportsStarted(losAngeles);

            try (ChildApplication tokyo = start("tokyo", "Asia/Tokyo", inbox)) {
                // Tokyo's clock reads 17 hours later than Los Angeles': its files must still look alive to Tokyo
                Thread.sleep(TAKEOVER.multipliedBy(3).toMillis());
                assertEquals(List.of(), tokyo.matches(PICKED), "taken from a live instance in another zone:" + tokyo.tail());
                assertTrue(!tokyo.logged("Taking over"), tokyo.tail());

                losAngeles.kill(); // now Tokyo takes them over, within the takeover time (and some polls)
                Eventually.await("Tokyo taking the files of the killed instance over", TAKEOVER.multipliedBy(5),
                        () -> tokyo.matches(PICKED).size() == CODES.size(), tokyo::tail);
                assertTrue(tokyo.logged("Taking over the lock of rapidstart/"), "the takeover said so:" + tokyo.tail());

                try (ChildApplication losAngelesAgain = start("los-angeles-again", "America/Los_Angeles", inbox)) {
                    Thread.sleep(TAKEOVER.multipliedBy(3).toMillis());
                    assertEquals(List.of(), losAngelesAgain.matches(PICKED),
                            "taken from a live instance in another zone:" + losAngelesAgain.tail());
                    assertTrue(!losAngelesAgain.logged("Taking over"), losAngelesAgain.tail());

                    tokyo.kill(); // Los Angeles sees Tokyo's heartbeats stop, though Tokyo wrote them "in its future"
                    Eventually.await("Los Angeles taking the files of the killed instance over", TAKEOVER.multipliedBy(5),
                            () -> losAngelesAgain.matches(PICKED).size() == CODES.size(), losAngelesAgain::tail);
                    CODES.forEach(code -> services.bc.faults().stickJobsOf(code, false));
                    for (String code : CODES) {
                        Eventually.await(code + " in .done", Duration.ofSeconds(60),
                                () -> Files.exists(inbox.resolve("rapidstart/.done/" + code + ".rapidstart")),
                                losAngelesAgain::tail);
                    }
                    // a lock goes just after its file's move: waited for before close() kills the instance
                    Eventually.await("no lock left once the files are done", Duration.ofSeconds(30),
                            () -> services.rows("SELECT messageId FROM " + InboxCoordination.LOCK_TABLE).isEmpty(),
                            () -> ": " + services.rows("SELECT messageId FROM " + InboxCoordination.LOCK_TABLE));
                }
            }
        } finally {
            CODES.forEach(code -> services.bc.faults().stickJobsOf(code, false));
        }
        for (String code : CODES) {
            assertEquals(1, services.bc.imports().stream().filter(i -> i.packageCode().equals(code)).count(),
                    code + " imported once: " + services.bc.imports());
            assertEquals(1, services.bc.applies().stream().filter(a -> a.packageCode().equals(code)).count(),
                    code + " applied once: " + services.bc.applies());
        }
    }

    private static void awaitImportsStarted(ChildApplication instance) {
        for (String code : CODES) {
            Eventually.await(code + " importing", Duration.ofSeconds(30),
                    () -> instance.logged("Started the import of configuration package " + code), instance::tail);
        }
    }
}
