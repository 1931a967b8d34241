package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.RunningEmulator;

/** Uploads over the limit get 413, whether their length is declared or they come chunked. */
class UploadLimitTest {

    private static final int LIMIT = 1024;

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().maxUploadBytes(LIMIT).start());

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
    void acceptsAnUploadOfExactlyTheLimit() {
        JsonNode created = client.createPackage(company, "AT-LIMIT");

        client.upload(company, created, new byte[LIMIT]);

        assertEquals(LIMIT, emulator.packageByCode(company, "AT-LIMIT").orElseThrow().fileSize());
    }

    @Test
    void refusesADeclaredLengthOverTheLimit() throws IOException {
        JsonNode created = client.createPackage(company, "DECLARED");

        Response refused = client.patch(contentPath(created), new byte[32 * 1024], "*");

        assertEquals(413, refused.status());
        assertEquals("RequestEntityTooLarge", refused.errorCode());
        assertFalse(emulator.packageByCode(company, "DECLARED").orElseThrow().hasFile());
        assertNoUploadLeft();
    }

    @Test
    void refusesAChunkedBodyOverTheLimit() throws IOException {
        JsonNode created = client.createPackage(company, "CHUNKED");

        Response refused = client.patch(contentPath(created),
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[40 * 1024])),
                "application/octet-stream", "*");

        assertEquals(413, refused.status(), refused::toString);
        assertFalse(emulator.packageByCode(company, "CHUNKED").orElseThrow().hasFile());
        assertNoUploadLeft();
    }

    /** A body that never comes cannot have been read: the answer proves the length alone decided. */
    @Test
    void answersADeclaredLengthBeforeAnyBodyArrives() throws IOException {
        JsonNode created = client.createPackage(company, "NO-BODY");
        String path = emulator.serviceRootUrl().substring(emulator.baseUrl().length()) + contentPath(created);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + client.token()
                       + "\r\nIf-Match: *\r\nContent-Type: application/octet-stream\r\nContent-Length: 400000000"
                       + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

            assertEquals("HTTP/1.1 413 Request Entity Too Large", in.readLine());
        }
    }

    private static String contentPath(JsonNode pkg) {
        return BcClient.pkg(company, pkg.get("id").asText()) + "/file('" + pkg.get("code").asText() + "')/content";
    }

    private static void assertNoUploadLeft() throws IOException {
        try (Stream<Path> uploads = Files.list(emulator.storageDirectory().resolve("uploads"))) {
            assertTrue(uploads.findAny().isEmpty(), "a refused upload leaves no file behind");
        }
    }
}
