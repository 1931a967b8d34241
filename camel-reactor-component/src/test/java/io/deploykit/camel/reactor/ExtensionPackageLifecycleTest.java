package io.deploykit.camel.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.camel.reactor.model.ExtensionPackage;
import io.deploykit.emulator.reactor.ExtensionZips;

/** Create, update, upload, release, discontinue, delete: the life of an extension package. */
class ExtensionPackageLifecycleTest extends ReactorTestSupport {

    private static final String OPS = "reactor:extensionPackage?operation=";

    private Path zip(String name, String version) throws Exception {
        return ExtensionZips.write(dir.resolve(name + "-" + version + ".zip"), name, version, "web");
    }

    @Test
    void createWaitsForProcessingAndReportsTheManifest() throws Exception {
        String name = newName("create");

        Exchange result = send(OPS + "create", zip(name, "1.0.0").toFile(), null, null);

        assertNull(result.getException());
        ExtensionPackage pkg = result.getMessage().getBody(ExtensionPackage.class);
        assertTrue(pkg.getId().matches("EP[0-9a-f]{32}"), pkg.getId());
        assertEquals(name, pkg.getName());
        assertEquals("1.0.0", pkg.getVersion());
        assertEquals("web", pkg.getPlatform());
        assertEquals("succeeded", pkg.getStatus());
        assertEquals("development", pkg.getAvailability());
        assertEquals(pkg.getId(), result.getMessage().getHeader(ReactorConstants.EXTENSION_PACKAGE_ID));
        assertEquals("succeeded", result.getMessage().getHeader(ReactorConstants.STATUS));

        var sent = emulator.requests().stream().filter(r -> r.method().equals("POST") && r.path().startsWith("/extension_packages"))
                .findFirst().orElseThrow();
        assertEquals(CLIENT_ID, sent.header("x-api-key"));
        assertEquals(ORG, sent.header("x-gw-ims-org-id"));
        assertEquals("application/vnd.api+json;revision=1", sent.header("Accept"));
    }

    @Test
    void updateFindsTheDevelopmentPackageOfTheZipsNameAndPlatform() throws Exception {
        String name = newName("update");
        ExtensionPackage created = template.requestBody(OPS + "create", zip(name, "1.0.0").toFile(), ExtensionPackage.class);

        ExtensionPackage updated = template.requestBody(OPS + "update", zip(name, "1.0.1").toFile(), ExtensionPackage.class);

        assertEquals(created.getId(), updated.getId());
        assertEquals("1.0.1", updated.getVersion());
        assertEquals("succeeded", updated.getStatus());
        assertTrue(emulator.requests().stream().anyMatch(r -> r.method().equals("PATCH")
                                                              && r.path().equals("/extension_packages/" + created.getId())));
    }

    @Test
    void updateByIdHeader() throws Exception {
        String name = newName("byid");
        ExtensionPackage created = template.requestBody(OPS + "create", zip(name, "2.0.0").toFile(), ExtensionPackage.class);
        ExtensionPackage updated = template.requestBodyAndHeader(OPS + "update", zip(name, "2.1.0").toFile(),
                ReactorConstants.EXTENSION_PACKAGE_ID, created.getId(), ExtensionPackage.class);
        assertEquals("2.1.0", updated.getVersion());
    }

    @Test
    void updateWithoutADevelopmentPackageSuggestsUpload() throws Exception {
        Exchange result = send(OPS + "update", zip(newName("orphan"), "1.0.0").toFile(), null, null);
        NotFoundException e = assertInstanceOf(NotFoundException.class, failure(result));
        assertTrue(e.getMessage().contains("operation=upload"), e.getMessage());
    }

    @Test
    void uploadCreatesOnceThenUpdatesTheSamePackage() throws Exception {
        String name = newName("upload");
        ExtensionPackage first = template.requestBody(OPS + "upload", zip(name, "1.0.0").toFile(), ExtensionPackage.class);
        ExtensionPackage second = template.requestBody(OPS + "upload", zip(name, "1.0.1").toFile(), ExtensionPackage.class);

        assertEquals(first.getId(), second.getId());
        assertEquals("1.0.1", second.getVersion());
        long development = emulator.packages().stream()
                .filter(p -> p.name().equals(name) && p.availability().equals("development")).count();
        assertEquals(1, development);
    }

    @Test
    void uploadChecksTheListItselfWhenTheServiceIgnoresTheFilter() throws Exception {
        String decoy = newName("decoy");
        String name = newName("target");
        ExtensionPackage other = template.requestBody(OPS + "create", zip(decoy, "1.0.0").toFile(), ExtensionPackage.class);
        ExtensionPackage mine = template.requestBody(OPS + "create", zip(name, "1.0.0").toFile(), ExtensionPackage.class);
        ExtensionPackage newest = template.requestBody(OPS + "create", zip(newName("newest"), "1.0.0").toFile(),
                ExtensionPackage.class);
        emulator.faults().ignoreListFilters(true); // every package comes back, newest first

        ExtensionPackage updated = template.requestBody(OPS + "upload", zip(name, "1.0.1").toFile(), ExtensionPackage.class);

        assertEquals(mine.getId(), updated.getId(), "the package of the zip's name, not the first one listed");
        assertEquals("1.0.0", emulator.extensionPackage(newest.getId()).version());
        assertEquals("1.0.0", emulator.extensionPackage(other.getId()).version());
        assertEquals("1.0.1", emulator.extensionPackage(mine.getId()).version());
    }

    @Test
    void releasePrivateOnlyASucceededDevelopmentPackage() throws Exception {
        String name = newName("release");
        emulator.faults().stickProcessing(true);
        ExtensionPackage pending = template.requestBody(OPS + "create&waitForCompletion=false", zip(name, "1.0.0").toFile(),
                ExtensionPackage.class);
        assertEquals("pending", pending.getStatus());
        Exchange refused = send(OPS + "releasePrivate", null, ReactorConstants.EXTENSION_PACKAGE_ID, pending.getId());
        DeployKitException e = assertInstanceOf(DeployKitException.class, failure(refused));
        assertTrue(e.getMessage().contains("pending"), e.getMessage());
        emulator.faults().stickProcessing(false);

        String other = newName("released");
        ExtensionPackage ready = template.requestBody(OPS + "create", zip(other, "1.0.0").toFile(), ExtensionPackage.class);
        ExtensionPackage released = template.requestBodyAndHeaders(OPS + "releasePrivate", null,
                Map.of(ReactorConstants.EXTENSION_NAME, other, ReactorConstants.PLATFORM, "web"), ExtensionPackage.class);
        assertEquals(ready.getId(), released.getId());
        assertEquals("private", released.getAvailability());

        Exchange again = send(OPS + "releasePrivate", null, ReactorConstants.EXTENSION_PACKAGE_ID, ready.getId());
        assertTrue(failure(again).getMessage().contains("already private"), failure(again).getMessage());
    }

    @Test
    void discontinueAndDelete() throws Exception {
        ExtensionPackage a = template.requestBody(OPS + "create", zip(newName("disc"), "1.0.0").toFile(), ExtensionPackage.class);
        ExtensionPackage discontinued = template.requestBodyAndHeader(OPS + "discontinue", null,
                ReactorConstants.EXTENSION_PACKAGE_ID, a.getId(), ExtensionPackage.class);
        assertEquals(Boolean.TRUE, discontinued.getDiscontinued());

        ExtensionPackage b = template.requestBody(OPS + "create", zip(newName("del"), "1.0.0").toFile(), ExtensionPackage.class);
        template.requestBodyAndHeader(OPS + "delete", null, ReactorConstants.EXTENSION_PACKAGE_ID, b.getId());
        assertTrue(emulator.packages().stream().noneMatch(p -> p.id().equals(b.getId())));
        Exchange gone = send(OPS + "get", null, ReactorConstants.EXTENSION_PACKAGE_ID, b.getId());
        assertInstanceOf(NotFoundException.class, failure(gone));
    }

    @Test
    void listFiltersByNameAndPlatform() throws Exception {
        String name = newName("list");
        template.requestBody(OPS + "create", zip(name, "1.0.0").toFile());
        template.requestBody(OPS + "create", zip(newName("other"), "1.0.0").toFile());

        @SuppressWarnings("unchecked")
        List<ExtensionPackage> found = template.requestBodyAndHeaders(OPS + "list", null,
                Map.of(ReactorConstants.EXTENSION_NAME, name, ReactorConstants.PLATFORM, "web"), List.class);
        assertEquals(1, found.size());
        assertEquals(name, found.get(0).getName());

        @SuppressWarnings("unchecked")
        List<ExtensionPackage> all = template.requestBody(OPS + "list", null, List.class);
        assertTrue(all.size() >= 2);
    }

    @Test
    void aBinaryBodyIsUploadedToo() throws Exception {
        String name = newName("bytes");
        byte[] bytes = Files.readAllBytes(zip(name, "1.0.0"));
        ExtensionPackage pkg = template.requestBody(OPS + "create", bytes, ExtensionPackage.class);
        assertEquals(name, pkg.getName());
        assertEquals("succeeded", pkg.getStatus());
    }
}
