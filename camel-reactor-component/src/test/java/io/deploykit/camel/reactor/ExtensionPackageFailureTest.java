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

import io.deploykit.camel.core.error.ApiException;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.camel.core.error.JobTimeoutException;
import io.deploykit.camel.reactor.model.ExtensionPackage;
import io.deploykit.emulator.reactor.ExtensionZips;

/** Bad zips, refused rules and failed processing, each reported with what the service said. */
class ExtensionPackageFailureTest extends ReactorTestSupport {

    private static final String OPS = "reactor:extensionPackage?operation=";

    @Test
    void failedProcessingCarriesEveryErrorOfTheStatusDetails() throws Exception {
        String name = newName("nomain");
        Exchange result = send(OPS + "create", Zips.missingMain(dir.resolve("m.zip"), name).toFile(), null, null);

        ReactorPackageFailedException e = assertInstanceOf(ReactorPackageFailedException.class, failure(result));
        assertTrue(e.getErrors().stream().anyMatch(err -> "extension-package-path-error".equals(err.code())),
                e.getErrors().toString());
        assertTrue(e.getMessage().contains(e.getExtensionPackage().getId()), e.getMessage());
        assertEquals("failed", result.getMessage().getHeader(ReactorConstants.STATUS));
    }

    @Test
    void aFailureTheServiceInjectsIsReportedWithItsDetail() throws Exception {
        emulator.faults().failNextProcessing("The view configuration.html is not valid HTML");
        Path zip = ExtensionZips.write(dir.resolve("f.zip"), newName("injected"), "1.0.0", "web");
        ReactorPackageFailedException e = assertInstanceOf(ReactorPackageFailedException.class,
                failure(send(OPS + "upload", zip.toFile(), null, null)));
        assertTrue(e.getMessage().contains("The view configuration.html is not valid HTML"), e.getMessage());
    }

    @Test
    void aSecondDevelopmentPackageOfTheSameNameIsRefused() throws Exception {
        String name = newName("unique");
        template.requestBody(OPS + "create", ExtensionZips.write(dir.resolve("a.zip"), name, "1.0.0", "web").toFile());
        Exchange result = send(OPS + "create", ExtensionZips.write(dir.resolve("b.zip"), name, "1.0.1", "web").toFile(), null, null);
        ApiException e = assertInstanceOf(ApiException.class, failure(result));
        assertEquals("not-unique", e.getErrorCode());
    }

    @Test
    void aReleasedPackageIsReadOnlyAndNewVersionsMustBeGreater() throws Exception {
        String name = newName("rules");
        ExtensionPackage pkg = template.requestBody(OPS + "create",
                ExtensionZips.write(dir.resolve("a.zip"), name, "1.2.0", "web").toFile(), ExtensionPackage.class);
        template.requestBodyAndHeader(OPS + "releasePrivate", null, ReactorConstants.EXTENSION_PACKAGE_ID, pkg.getId());

        Exchange readOnly = send(OPS + "update", ExtensionZips.write(dir.resolve("b.zip"), name, "1.3.0", "web").toFile(),
                ReactorConstants.EXTENSION_PACKAGE_ID, pkg.getId());
        assertEquals("read-only", assertInstanceOf(ApiException.class, failure(readOnly)).getErrorCode());

        Exchange older = send(OPS + "upload", ExtensionZips.write(dir.resolve("c.zip"), name, "1.1.0", "web").toFile(), null, null);
        ApiException e = assertInstanceOf(ApiException.class, failure(older));
        assertTrue(e.getStatusCode() >= 400 && e.getStatusCode() < 500, String.valueOf(e.getStatusCode()));

        Exchange newer = send(OPS + "upload", ExtensionZips.write(dir.resolve("d.zip"), name, "1.3.0", "web").toFile(), null, null);
        assertNull(newer.getException(), "a greater version makes a new development package");
        assertEquals("development", newer.getMessage().getHeader(ReactorConstants.AVAILABILITY));
    }

    @Test
    void aNameOwnedByAnotherOrganizationIsRefused() throws Exception {
        String name = newName("taken");
        emulator.ownedByAnotherOrg(name);
        Exchange result = send(OPS + "create", ExtensionZips.write(dir.resolve("t.zip"), name, "1.0.0", "web").toFile(), null, null);
        assertEquals("invalid-name", assertInstanceOf(ApiException.class, failure(result)).getErrorCode());
    }

    @Test
    void badZipsAreRefusedBeforeAnythingIsSent() throws Exception {
        Path notZip = Files.writeString(dir.resolve("plain.zip"), "not a zip at all");
        Path noManifest = Zips.of(dir.resolve("nomanifest.zip"), Map.of("src/main.js", "x"));
        Path nested = Zips.of(dir.resolve("nested.zip"), Map.of("dist/extension.json", "{\"name\":\"x\"}"));
        Path badJson = Zips.of(dir.resolve("badjson.zip"), Map.of("extension.json", "{\"name\": oops"));
        Path noName = Zips.of(dir.resolve("noname.zip"), Map.of("extension.json", "{\"version\":\"1.0.0\",\"platform\":\"web\"}"));
        emulator.clearRequests();

        assertRefused(notZip, "not a zip");
        assertRefused(noManifest, "no extension.json");
        assertRefused(nested, "no extension.json");
        assertRefused(badJson, "not valid JSON");
        assertRefused(noName, "no \"name\"");
        assertEquals(List.of(), emulator.requests());
    }

    private void assertRefused(Path zip, String why) {
        InvalidInputException e = assertInstanceOf(InvalidInputException.class,
                failure(send(OPS + "upload", zip.toFile(), null, null)));
        assertTrue(e.getMessage().contains(zip.getFileName().toString()) && e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aTimeoutNamesThePackageSoTheRouteCanResumeWaiting() throws Exception {
        String name = newName("resume");
        emulator.faults().stickProcessing(true);
        Exchange timedOut = send(OPS + "create&timeout=300", ExtensionZips.write(dir.resolve("r.zip"), name, "1.0.0", "web")
                .toFile(), null, null);
        JobTimeoutException e = assertInstanceOf(JobTimeoutException.class, failure(timedOut));
        String id = timedOut.getMessage().getHeader(ReactorConstants.EXTENSION_PACKAGE_ID, String.class);
        assertTrue(id != null && e.getMessage().contains(id), e.getMessage());
        assertEquals("status=pending", e.getLastStatus());

        emulator.faults().stickProcessing(false);
        ExtensionPackage resumed = template.requestBodyAndHeader(OPS + "get", null, ReactorConstants.EXTENSION_PACKAGE_ID,
                id, ExtensionPackage.class);
        assertEquals("succeeded", resumed.getStatus());
    }
}
