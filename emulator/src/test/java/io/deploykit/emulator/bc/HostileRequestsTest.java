package io.deploykit.emulator.bc;

import static io.deploykit.emulator.bc.BcClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.RawHttp;
import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.bc.odata.ODataErrors;
import io.deploykit.emulator.bc.packages.RapidStartReader;
import io.deploykit.emulator.http.JsonCodec;

/**
 * What a hostile client or web page gets: a package file built to exhaust the import fails it as a bad package,
 * JSON nested too deep is a bad request, and the administration endpoints only answer a loopback Host.
 */
class HostileRequestsTest {

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().jobStepDuration(Duration.ofMillis(20)).start());

    private static BcEmulator emulator;
    private static BcClient client;
    private static String company;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
        company = emulator.company("My Company").id();
    }

    @Test
    void aFileWithAHugeRootAttributeEndsTheImportInError() throws IOException {
        JsonNode pkg = client.createPackage(company, "HUGE");
        client.upload(company, pkg, Files.readAllBytes(HostileFiles.hugeCode(dir.resolve("huge.rapidstart"),
                RapidStartReader.MAX_ROOT_BYTES)));

        assertEquals(204, client.action(company, pkg.get("id").asText(), "import").status());
        JsonNode failed = client.awaitPackage(company, pkg.get("id").asText(), status("importStatus", "Error"));

        assertEquals("The file is not a valid RapidStart package: the start tag of its root element does not end "
                     + "within the first 1048576 bytes.", failed.get("importError").asText());
    }

    @Test
    void jsonNestedTooDeepIsABadRequest() {
        String nested = "[".repeat(JsonCodec.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonCodec.MAX_NESTING_DEPTH + 1);

        Response refused = client.post(BcClient.packages(company), "{\"code\":\"DEEP\",\"packageName\":" + nested
                                                                    + "}");

        assertEquals(400, refused.status(), refused::toString);
        assertEquals(ODataErrors.BAD_REQUEST, refused.errorCode());
        assertTrue(refused.errorMessage().startsWith("The request body is over a limit: Document nesting depth (101) "
                                                     + "exceeds the maximum allowed (100)."), refused::toString);
    }

    @Test
    void adminEndpointsRefuseAHostThatIsNotALoopbackName() throws IOException {
        for (String host : new String[] {"attacker.example", "attacker.example:" + emulator.port(), "127.0.0.2",
                "localhost.attacker.example", "[::1].attacker.example"}) {
            RawHttp.Answer refused = RawHttp.send(emulator.port(), "GET", "/_emulator/bc/history", host, "");
            assertEquals(403, refused.status(), host + ": " + refused.body());
            JsonNode error = JsonCodec.MAPPER.readTree(refused.body()).path("error");
            assertEquals("Forbidden", error.path("code").asText(), refused.body());
            assertTrue(error.path("message").asText().contains("'" + host + "'"), refused.body());
        }
        assertEquals(403, RawHttp.send(emulator.port(), "PUT", "/_emulator/bc/jobs", "evil.example", "").status());
        assertEquals(403, RawHttp.send(emulator.port(), "POST", "/_emulator/faults", "evil.example", "").status());
        assertEquals(403, RawHttp.send(emulator.port(), "GET", "/_emulator", null, "").status(), "no Host at all");
        assertTrue(emulator.faults().pending().isEmpty(), "a refused request changes nothing");
    }

    @Test
    void adminEndpointsAnswerEveryLoopbackName() {
        for (String host : new String[] {"localhost", "LOCALHOST:" + emulator.port(), "127.0.0.1:" + emulator.port(),
                "[::1]:" + emulator.port(), "[::1]"}) {
            RawHttp.Answer answer = RawHttp.send(emulator.port(), "GET", "/_emulator", host, "");
            assertEquals(200, answer.status(), host + ": " + answer.body());
        }
    }

    @Test
    void theApiTakesAnyHost() {
        RawHttp.Answer answer = RawHttp.send(emulator.port(), "GET", "/v2.0/" + emulator.tenant() + "/"
                + emulator.environment() + "/api/v2.0/companies", "bc.example:443",
                "Authorization: Bearer " + client.token() + "\r\n");

        assertEquals(200, answer.status(), answer.body());
    }
}
