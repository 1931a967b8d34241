package io.deploykit.emulator.reactor;

import static io.deploykit.emulator.reactor.ReactorClient.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.http.RecordedRequest;

/**
 * Faults that hit after the API acted, answered in its formats: the change stays, and the client gets a gateway's
 * 504 or 502, or no answer. Each test checks the change, which a fault hitting first would prevent.
 */
class FaultsAfterActingTest {

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().processingTime(Duration.ofMillis(20)).start(), ReactorEmulator::faults);

    private static ReactorEmulator emulator;
    private static ReactorClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new ReactorClient(emulator);
        client.token(); // fetched before any fault is set
    }

    @Test
    void aCreateAnsweredGatewayTimeoutLeavesAPackageThatProcesses() throws IOException {
        String name = "timed-out";
        Path zip = ExtensionZips.write(dir.resolve("a.zip"), name, "1.0.0", "web");
        emulator.faults().matching("POST", "/extension_packages").gatewayTimeoutAfterActing(1);

        ApiResponse timedOut = client.create(zip);

        assertEquals(504, timedOut.status(), timedOut::toString);
        assertEquals("application/vnd.api+json", timedOut.header("Content-Type"));
        assertEquals("gateway-timeout", timedOut.errorCode());
        assertEquals("504", timedOut.error().get("status").asText());
        assertFalse(timedOut.text().toLowerCase(Locale.ROOT).contains("emulator"), timedOut::toString);
        String id = emulator.packages().stream().filter(pkg -> name.equals(pkg.name())).findFirst()
                .orElseThrow(() -> new AssertionError("the package was not created")).id();
        assertEquals("succeeded", status(client.awaitProcessed(id)));
        assertEquals(504, last("packages.create").status());
        assertEquals("not-unique", client.create(zip).errorCode(), "a retry finds the package there");
    }

    @Test
    void anUpdateAnsweredBadGatewayTakesTheNewZip() throws IOException {
        String name = "bad-gateway";
        String id = client.created(ExtensionZips.write(dir.resolve("a.zip"), name, "1.0.0", "web"));
        client.awaitProcessed(id);
        emulator.faults().matching("PATCH", "/extension_packages/" + id).badGatewayAfterActing(1);

        ApiResponse bad = client.update(id, ExtensionZips.write(dir.resolve("b.zip"), name, "1.0.1", "web"));

        assertEquals(502, bad.status(), bad::toString);
        assertEquals("bad-gateway", bad.errorCode());
        assertEquals("1.0.1", client.awaitProcessed(id).path("attributes").path("version").asText());
        assertEquals(502, last("packages.patch").status());
    }

    @Test
    void aReleaseWhoseConnectionIsDroppedIsReleased() throws IOException {
        String id = client.created(ExtensionZips.write(dir.resolve("a.zip"), "dropped-release", "1.0.0", "web"));
        client.awaitProcessed(id);
        emulator.clearRequests();
        emulator.faults().matching("PATCH", "/extension_packages/" + id).dropAfterActing(1);

        UncheckedIOException dropped = assertThrows(UncheckedIOException.class,
                () -> client.action(id, "release_private"));

        assertTrue(dropped.getCause() instanceof IOException, dropped::toString);
        assertEquals("private", client.getPackage(id).path("attributes").path("availability").asText());
        assertEquals(1, emulator.requestCount("packages.patch"), "counted");
        assertEquals(List.of(), emulator.requests().stream().map(RecordedRequest::route)
                .filter("packages.patch"::equals).toList(), "but not logged, as it got no answer");
    }

    private static RecordedRequest last(String route) {
        List<RecordedRequest> requests = emulator.requests().stream()
                .filter(request -> route.equals(request.route())).toList();
        return requests.get(requests.size() - 1);
    }
}
