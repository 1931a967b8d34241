package io.deploykit.camel.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.reactor.model.ExtensionPackage;
import io.deploykit.emulator.reactor.AcceptedUpload;
import io.deploykit.emulator.reactor.ExtensionZips;

/**
 * Adobe acted, but the answer was lost on the way (a gateway's 502 or 504, a connection dropped): the component reads
 * the package again and continues with what the request did, sending no zip and no release twice.
 */
class AmbiguousAnswersTest extends ReactorTestSupport {

    private static final String OPS = "reactor:extensionPackage?operation=";

    private Path zip(String name, String version) throws Exception {
        return ExtensionZips.write(dir.resolve(name + "-" + version + ".zip"), name, version, "web");
    }

    private static List<AcceptedUpload> uploadsOf(String name, boolean created) {
        return emulator.uploads().stream().filter(u -> name.equals(u.name()) && u.created() == created).toList();
    }

    private static List<Integer> answered(String method, String pathRegex) {
        return emulator.requests().stream().filter(r -> r.method().equals(method) && r.path().matches(pathRegex))
                .map(r -> r.status()).toList();
    }

    @Test
    void aCreateAnswered504AfterItWasMadeIsFoundNotSentAgain() throws Exception {
        String name = newName("create504");
        emulator.faults().matching("POST", "/extension_packages").gatewayTimeoutAfterActing(1);

        Exchange result = send(OPS + "create", zip(name, "1.0.0").toFile(), null, null);

        assertNull(result.getException());
        ExtensionPackage pkg = result.getMessage().getBody(ExtensionPackage.class);
        assertEquals("succeeded", pkg.getStatus());
        assertEquals(List.of(504), answered("POST", "/extension_packages"));
        List<AcceptedUpload> uploads = uploadsOf(name, true);
        assertEquals(1, uploads.size());
        assertEquals(uploads.get(0).packageId(), pkg.getId());
    }

    @Test
    void anUploadWhoseCreateWasAnswered502AfterItWasMadeIsFoundNotSentAgain() throws Exception {
        String name = newName("upload502");
        emulator.faults().matching("POST", "/extension_packages").badGatewayAfterActing(1);

        ExtensionPackage pkg = template.requestBody(OPS + "upload", zip(name, "1.0.0").toFile(), ExtensionPackage.class);

        assertEquals("succeeded", pkg.getStatus());
        assertEquals(1, uploadsOf(name, true).size());
        assertEquals(1, emulator.packages().stream().filter(p -> name.equals(p.name())).count());
    }

    @Test
    void anUpdateAnswered504AfterItWasTakenIsNotSentAgain() throws Exception {
        String name = newName("update504");
        ExtensionPackage created = template.requestBody(OPS + "create", zip(name, "1.0.0").toFile(), ExtensionPackage.class);
        emulator.faults().matching("PATCH", "/extension_packages/" + created.getId()).gatewayTimeoutAfterActing(1);

        Exchange result = send(OPS + "update", zip(name, "1.0.1").toFile(), null, null);

        assertNull(result.getException());
        ExtensionPackage pkg = result.getMessage().getBody(ExtensionPackage.class);
        assertEquals(created.getId(), pkg.getId());
        assertEquals("1.0.1", pkg.getVersion());
        assertEquals("succeeded", pkg.getStatus());
        assertEquals(List.of(504), answered("PATCH", "/extension_packages/" + created.getId()));
        assertEquals(1, uploadsOf(name, false).size());
    }

    @Test
    void aReleaseWhoseConnectionDroppedAfterItWasTakenIsNotSentAgain() throws Exception {
        String name = newName("release");
        ExtensionPackage created = template.requestBody(OPS + "create", zip(name, "1.0.0").toFile(), ExtensionPackage.class);
        emulator.faults().matching("PATCH", "/extension_packages/" + created.getId()).dropAfterActing(1);

        Exchange result = send(OPS + "releasePrivate", null, ReactorConstants.EXTENSION_PACKAGE_ID, created.getId());

        assertNull(result.getException());
        assertEquals("private", result.getMessage().getHeader(ReactorConstants.AVAILABILITY));
        assertEquals(1, emulator.releases().stream().filter(r -> r.packageId().equals(created.getId())).count());
        assertEquals(1, emulator.requestCount("packages.patch"));
    }
}
