package io.deploykit.emulator.bc;

import static io.deploykit.emulator.bc.BcClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many clients deploying at once each get their own package through, and every request is counted. */
class ConcurrentDeploysTest {

    private static final int DEPLOYS = 100;

    @TempDir
    Path files;

    @Test
    void deploysManyPackagesAtOnce() throws Exception {
        try (BcEmulator emulator = BcEmulator.builder().jobStepDuration(Duration.ofMillis(20)).start()) {
            String company = emulator.company("CRONUS USA, Inc.").id();
            ExecutorService clients = Executors.newFixedThreadPool(32);
            try {
                List<Future<JsonNode>> deploys = new ArrayList<>();
                for (int i = 0; i < DEPLOYS; i++) {
                    String code = "CONC-" + i;
                    byte[] file = TestFiles.rapidStart(files, code, 2, i % 5 + 1);
                    deploys.add(clients.submit(() -> deploy(new BcClient(emulator), company, code, file)));
                }
                for (int i = 0; i < DEPLOYS; i++) {
                    JsonNode pkg = deploys.get(i).get();
                    assertEquals("Completed", pkg.get("applyStatus").asText(), pkg::toString);
                    assertEquals(2 * (i % 5 + 1), pkg.get("numberOfRecords").asInt(), pkg::toString);
                }
            } finally {
                clients.shutdownNow();
            }
            assertEquals(DEPLOYS, emulator.packages(company).size());
            assertEquals(DEPLOYS, emulator.requestCount("packages.create"));
            assertEquals(DEPLOYS, emulator.requestCount("packages.file.upload"));
            assertEquals(DEPLOYS, emulator.tokenRequestCount());
        }
    }

    private static JsonNode deploy(BcClient client, String company, String code, byte[] file) {
        JsonNode created = client.createPackage(company, code);
        String id = created.get("id").asText();
        client.upload(company, created, file);
        assertEquals(204, client.action(company, id, "import").status());
        client.awaitPackage(company, id, status("importStatus", "Completed"));
        assertEquals(204, client.action(company, id, "apply").status());
        return client.awaitPackage(company, id, status("applyStatus", "Completed"));
    }
}
