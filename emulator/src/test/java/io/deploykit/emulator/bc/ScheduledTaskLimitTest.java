package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.Await;
import io.deploykit.emulator.RunningEmulator;

/**
 * Microsoft's operational limits for Business Central online: "Maximum number of concurrent scheduled jobs running"
 * is 3 per environment; further imports and applies stay {@code Scheduled} until one ends, in whichever companies.
 */
class ScheduledTaskLimitTest {

    @TempDir
    static Path files;

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().jobStepDuration(Duration.ofMillis(20)).start(), BcEmulator::faults);

    private static BcEmulator emulator;
    private static BcClient client;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
    }

    @AfterEach
    void defaults() {
        emulator.jobs().setRunningJobsPerEnvironment(3);
    }

    @Test
    void anEnvironmentRunsThreeJobsAtOnceAcrossItsCompaniesAndTheOthersWaitScheduled() {
        List<String[]> imports = new ArrayList<>();
        for (String company : List.of("CRONUS USA, Inc.", "My Company")) {
            String companyId = emulator.company(company).id();
            for (int i = 0; i < 3; i++) {
                imports.add(new String[] {companyId, uploaded(companyId, "LIMIT-" + i)});
            }
        }
        emulator.faults().stickJobs(true); // all six Scheduled before any starts
        imports.forEach(job -> client.action(job[0], job[1], "import"));
        emulator.faults().stickJobs(false);

        // with 20 ms steps, six jobs would all complete in 40 ms; three at a time they finish in two rounds
        Await.until(() -> emulator.jobs().runningJobs(), running -> running.getOrDefault("production", 0) == 3,
                Duration.ofSeconds(5));
        int maxRunning = 0;
        int completed = 0;
        while (completed < imports.size()) {
            maxRunning = Math.max(maxRunning, emulator.jobs().runningJobs().getOrDefault("production", 0));
            sleep();
            completed = (int) imports.stream().filter(job -> client.getPackage(job[0], job[1]).get("importStatus")
                    .asText().equals("Completed")).count();
        }
        assertEquals(3, maxRunning, "never more than three at once");
        assertEquals(0, emulator.jobs().runningJobs().getOrDefault("production", 0), "every slot freed");
    }

    @Test
    void theAdministrationEndpointSetsTheLimit() {
        assertEquals(204, admin("{\"runningPerEnvironment\":5}").status());
        assertEquals(5, emulator.jobs().runningJobsPerEnvironment());
        assertEquals(400, admin("{\"runningPerEnvironment\":\"many\"}").status());
    }

    private static String uploaded(String company, String code) {
        JsonNode created = client.createPackage(company, code);
        client.upload(company, created, TestFiles.rapidStart(files, code, 1, 1));
        return created.get("id").asText();
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Response admin(String json) {
        return BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/bc/jobs"))
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)).build());
    }
}
