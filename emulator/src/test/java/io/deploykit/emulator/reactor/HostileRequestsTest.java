package io.deploykit.emulator.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.RawHttp;
import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.reactor.manifest.ProcessingError;
import io.deploykit.emulator.http.MultipartReader;

/**
 * What a hostile client or web page gets: a zip bomb fails processing with a zip error, a multipart body of too many
 * parts and JSON nested too deep are bad requests, and the administration endpoints only answer a loopback Host.
 */
class HostileRequestsTest {

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().processingTime(Duration.ofMillis(20)).start());

    private static ReactorEmulator emulator;
    private static ReactorClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new ReactorClient(emulator);
    }

    @Test
    void aZipBombFailsProcessingWithAZipError() throws IOException {
        String id = client.created(TestZips.bomb(dir.resolve("bomb.zip"), 64L << 20));

        JsonNode failed = client.awaitProcessed(id);

        assertEquals("failed", ReactorClient.status(failed), failed::toString);
        JsonNode error = failed.path("meta").path("status_details").path("errors").path(0);
        assertEquals(ProcessingError.ZIP_ERROR, error.path("code").asText(), failed::toString);
        assertTrue(error.path("detail").asText().startsWith("extension.json inflates to more than 100 times"),
                failed::toString);
    }

    @Test
    void aMultipartBodyOfTooManyPartsIsABadRequest() {
        String part = "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n";
        ApiResponse refused = ReactorClient.send(client.request("/extension_packages")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(BodyPublishers.ofString(part.repeat(MultipartReader.MAX_PARTS + 1) + "--b--")).build());

        assertEquals(400, refused.status(), refused::toString);
        assertEquals("bad-request", refused.errorCode());
        assertEquals("The multipart body is malformed: The multipart body has more than 100 parts.",
                refused.error().path("detail").asText());
    }

    @Test
    void jsonNestedTooDeepIsABadRequest() {
        String nested = "[".repeat(JsonCodec.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonCodec.MAX_NESTING_DEPTH + 1);

        ApiResponse refused = client.patchDocument("EP00000000000000000000000000000000", "{\"data\":" + nested + "}");

        assertEquals(400, refused.status(), refused::toString);
        assertEquals("bad-request", refused.errorCode());
        assertTrue(refused.error().path("detail").asText().contains("nesting depth (101) exceeds the maximum "
                                                                     + "allowed (100)"), refused::toString);
    }

    @Test
    void adminEndpointsOnlyAnswerALoopbackHost() throws IOException {
        RawHttp.Answer refused = RawHttp.send(emulator.port(), "PUT", "/_emulator/reactor/processing",
                "rebound.example:" + emulator.port(), "");
        RawHttp.Answer answered = RawHttp.send(emulator.port(), "GET", "/_emulator/reactor/history",
                "localhost:" + emulator.port(), "");

        assertEquals(403, refused.status(), refused.body());
        assertEquals("Forbidden", JsonCodec.MAPPER.readTree(refused.body()).path("error").path("code").asText());
        assertEquals(200, answered.status(), answered.body());
    }

    @Test
    void theApiTakesAnyHost() {
        RawHttp.Answer answer = RawHttp.send(emulator.port(), "GET", "/extension_packages", "reactor.adobe.io",
                "Authorization: Bearer " + client.token() + "\r\nAccept: " + ReactorClient.ACCEPT + "\r\n");

        assertEquals(200, answer.status(), answer.body());
    }
}
