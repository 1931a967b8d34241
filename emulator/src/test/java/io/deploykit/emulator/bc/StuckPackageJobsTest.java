package io.deploykit.emulator.bc;

import static io.deploykit.emulator.bc.BcClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.Await;
import io.deploykit.emulator.RunningEmulator;

/** The jobs of one package code held in Scheduled while those of other packages move on. */
class StuckPackageJobsTest {

    /** Ten job steps: a job that was not stuck would be Completed long before. */
    private static final Duration HELD = Duration.ofMillis(200);

    @TempDir
    static Path files;

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().jobStepDuration(Duration.ofMillis(20)).start(), BcEmulator::faults);

    private static BcEmulator emulator;
    private static BcClient client;
    private static String company;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
        company = emulator.company("CRONUS USA, Inc.").id();
    }

    @Test
    void holdsTheJobsOfOnePackageCodeOnly() {
        String held = uploaded("HELD");
        String free = uploaded("FREE");
        emulator.faults().stickJobsOf("held", true); // codes compare ignoring case

        client.action(company, held, "import");
        client.action(company, free, "import");

        client.awaitPackage(company, free, status("importStatus", "Completed"));
        assertEquals("Scheduled", staysScheduled(held, "importStatus"));
        emulator.faults().stickJobsOf("HELD", false);
        client.awaitPackage(company, held, status("importStatus", "Completed"));

        emulator.faults().stickJobsOf("Held", true);
        client.action(company, held, "apply");
        assertEquals("Scheduled", staysScheduled(held, "applyStatus"), "applies are held too");
        emulator.faults().clear();
        client.awaitPackage(company, held, status("applyStatus", "Completed"));
    }

    @Test
    void aPackageHeldWhileAllJobsAreStuckStaysHeldWhenTheyAreReleased() {
        String id = uploaded("BOTH");
        emulator.faults().stickJobs(true).stickJobsOf("BOTH", true);
        client.action(company, id, "import");

        emulator.faults().stickJobs(false);

        assertEquals("Scheduled", staysScheduled(id, "importStatus"));
        emulator.faults().stickJobsOf("BOTH", false);
        client.awaitPackage(company, id, status("importStatus", "Completed"));
    }

    @Test
    void theAdministrationEndpointHoldsAndReleasesAPackagesJobs() {
        String id = uploaded("ADMINHELD");

        assertEquals(204, admin("/bc/packages/adminheld/jobs", "{\"stuck\":true}").status());
        client.action(company, id, "import");
        assertEquals("Scheduled", staysScheduled(id, "importStatus"));
        assertEquals(204, admin("/bc/packages/ADMINHELD/jobs", "{\"stuck\":false}").status());

        client.awaitPackage(company, id, status("importStatus", "Completed"));
        assertEquals(400, admin("/bc/packages/ADMINHELD/jobs", "{\"stuck\":\"yes\"}").status());
    }

    private static String uploaded(String code) {
        JsonNode created = client.createPackage(company, code);
        client.upload(company, created, TestFiles.rapidStart(files, code, 1, 1));
        return created.get("id").asText();
    }

    /** The job's status once it left Scheduled, or after {@link #HELD} when it did not. */
    private static String staysScheduled(String id, String property) {
        return Await.until(() -> client.getPackage(company, id), pkg -> !pkg.get(property).asText().equals("Scheduled"),
                HELD).get(property).asText();
    }

    private static Response admin(String path, String json) {
        return BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator" + path))
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)).build());
    }
}
