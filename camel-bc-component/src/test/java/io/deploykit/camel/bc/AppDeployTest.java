package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.app.InvalidAppException;
import io.deploykit.camel.bc.model.AppOperation;
import io.deploykit.camel.core.error.ApiException;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;

/** {@code bc:app?operation=deploy} against the emulated admin center API, over real HTTP. */
class AppDeployTest extends BcTestSupport {

    private static final String DEPLOY = "bc:app?operation=deploy&acceptIsvEula=true";
    private static final String BASE_APPLICATION = "437dbf0e-84ff-417a-965d-ed2bb9650972";

    @BeforeEach
    void quickOperations() {
        emulator.apps().setOperationDuration(Duration.ofMillis(200));
    }

    @Test
    void anAppIsUploadedOnceAndItsInstallWaitedFor() throws Exception {
        AppManifest app = app("Toolbox", "1.0.0.0");

        Exchange result = send(DEPLOY, write(app, "toolbox.app"), null, null);

        assertNull(result.getException());
        AppOperation operation = result.getMessage().getBody(AppOperation.class);
        assertTrue(operation.is("succeeded"), operation::toString);
        assertEquals(app.id(), result.getMessage().getHeader(BcConstants.APP_ID));
        assertEquals("1.0.0.0", result.getMessage().getHeader(BcConstants.APP_VERSION));
        assertEquals(operation.id(), result.getMessage().getHeader(BcConstants.APP_OPERATION_ID));
        assertEquals(false, result.getMessage().getHeader(BcConstants.APP_SCHEDULED));
        assertEquals(false, result.getMessage().getHeader(BcConstants.DEPLOY_SKIPPED));
        assertEquals("1.0.0.0", emulator.apps().installed(app.id()).orElseThrow().version().toString());
        assertEquals(1, installsOf(app));
    }

    @Test
    void anAppInstalledAtThisVersionOrHigherIsSkippedUnlessForced() throws Exception {
        AppManifest newer = app("Skipper", "2.0.0.0");
        AppManifest older = new AppManifest(newer.id(), "Skipper", "Contoso", AppVersion.parse("1.5.0.0"),
                newer.dependencies());
        assertNull(send(DEPLOY, write(newer, "skipper-2.app"), null, null).getException());

        Exchange same = send(DEPLOY, write(newer, "skipper-2-again.app"), null, null);
        Exchange lower = send(DEPLOY, write(older, "skipper-1.5.app"), null, null);

        assertNull(same.getException());
        assertEquals(true, same.getMessage().getHeader(BcConstants.DEPLOY_SKIPPED));
        assertEquals(true, lower.getMessage().getHeader(BcConstants.DEPLOY_SKIPPED));
        assertEquals("2.0.0.0", lower.getMessage().getHeader(BcConstants.APP_INSTALLED_VERSION));
        assertEquals(1, emulator.apps().installs().stream().filter(i -> i.appId().equals(newer.id())).count());

        Exchange forced = send(DEPLOY + "&forceUpload=true", write(older, "skipper-forced.app"), null, null);
        assertNull(forced.getException());
        assertEquals("1.5.0.0", emulator.apps().installed(newer.id()).orElseThrow().version().toString());
    }

    @Test
    void withoutAcceptIsvEulaNothingIsSentAndTheErrorSaysWhatItMeans() throws Exception {
        AppManifest app = app("NoEula", "1.0.0.0");

        Exchange result = send("bc:app?operation=deploy", write(app, "noeula.app"), null, null);

        InvalidInputException failure = assertInstanceOf(InvalidInputException.class, result.getException());
        assertTrue(failure.getMessage().contains("acceptIsvEula=true agrees"), failure::getMessage);
        assertTrue(failure.getMessage().contains("license terms"), failure::getMessage);
        assertEquals(0, emulator.requestCount("apps.pteInstall") + emulator.requestCount("apps.list"));
    }

    @Test
    void aMissingDependencyFailsNamingIt() throws Exception {
        AppManifest app = new AppManifest(UUID.randomUUID().toString(), "Needy", "Contoso",
                AppVersion.parse("1.0.0.0"), List.of(new AppManifest.Dependency(UUID.randomUUID().toString(),
                "Missing Library", "Fabrikam", AppVersion.parse("3.1.0.0"))));

        Exchange result = send(DEPLOY, write(app, "needy.app"), null, null);

        ApiException failure = assertInstanceOf(ApiException.class, result.getException());
        assertEquals(400, failure.getStatusCode());
        assertTrue(failure.getMessage().contains("install Missing Library by Fabrikam 3.1.0.0"), failure::getMessage);
        assertEquals(0, installsOf(app));
    }

    @Test
    void aFailedInstallFailsWithTheServicesErrorMessage() throws Exception {
        AppManifest app = app("Broken", "1.0.0.0");
        emulator.apps().failNextInstall(app.id(), "Table 50100 cannot be synchronized");

        Exchange result = send(DEPLOY, write(app, "broken.app"), null, null);

        BcAppFailedException failure = assertInstanceOf(BcAppFailedException.class, result.getException());
        assertTrue(failure.getMessage().contains("Table 50100 cannot be synchronized"), failure::getMessage);
        assertTrue(failure.getOperation().is("failed"));
    }

    @Test
    void aDeferredScheduleEndsScheduled() throws Exception {
        AppManifest app = app("Later", "1.0.0.0");

        Exchange result = send(DEPLOY + "&deploymentSchedule=UpdateWindow", write(app, "later.app"), null, null);

        assertNull(result.getException());
        assertEquals(true, result.getMessage().getHeader(BcConstants.APP_SCHEDULED));
        assertEquals("scheduled", result.getMessage().getHeader(BcConstants.APP_OPERATION_STATUS));
        assertTrue(emulator.apps().installed(app.id()).isEmpty());
    }

    @Test
    void anUploadAnswered504AfterTheServiceActedIsNotSentAgain() throws Exception {
        AppManifest app = app("Lost", "1.0.0.0");
        emulator.faults().matching("POST", ".*/apps/pteInstall").gatewayTimeoutAfterActing(1);

        Exchange result = send(DEPLOY, write(app, "lost.app"), null, null);

        assertNull(result.getException());
        assertTrue(result.getMessage().getBody(AppOperation.class).is("succeeded"));
        assertEquals(1, installsOf(app));
        assertEquals(1, emulator.requestCount("apps.pteInstall"));
    }

    @Test
    void anUploadWhoseConnectionDroppedBeforeTheServiceActedIsSentOnceMore() throws Exception {
        AppManifest app = app("Retry", "1.0.0.0");
        emulator.faults().matching("POST", ".*/apps/pteInstall").dropConnection(1);

        Exchange result = send(DEPLOY, write(app, "retry.app"), null, null);

        assertNull(result.getException());
        assertEquals(1, installsOf(app));
    }

    @Test
    void filesThatAreNotInstallableAppsAreRefusedBeforeAnyRequest() throws Exception {
        AppManifest app = app("Crafted", "1.0.0.0");
        Path runtime = Files.write(dir.resolve("runtime.app"), AppFile.runtimePackageBytes(app));
        Path notAnApp = Files.writeString(dir.resolve("notes.app"), "just text");
        Path wrongName = write(app, "crafted.zip").toPath();
        Path huge = write(app, "huge.app").toPath();
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength((50L << 20) + 1); // sparse: nothing of it is held in memory
        }

        for (Path file : List.of(runtime, notAnApp, wrongName, huge)) {
            Exchange result = send(DEPLOY, file.toFile(), null, null);
            assertInstanceOf(InvalidAppException.class, result.getException(), file.toString());
        }
        assertTrue(send(DEPLOY, runtime.toFile(), null, null).getException().getMessage().contains("runtime package"));
        assertTrue(send(DEPLOY, huge.toFile(), null, null).getException().getMessage().contains("50 MB"));
        assertEquals(0, emulator.requestCount("apps.pteInstall") + emulator.requestCount("apps.list"));
    }

    @Test
    void aManifestWithADoctypeIsRefused() throws Exception {
        Path file = dir.resolve("xxe.app");
        byte[] app = AppFile.bytes(app("Xxe", "1.0.0.0"));
        Files.write(file, CraftedApps.withManifest(app, "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]><Package><App Id=\"&x;\" Name=\"n\" Publisher=\"p\" Version=\"1.0.0.0\"/>"
                + "</Package>"));

        Exchange result = send(DEPLOY, file.toFile(), null, null);

        InvalidAppException failure = assertInstanceOf(InvalidAppException.class, result.getException());
        assertTrue(failure.getMessage().contains("cannot be read"), failure::getMessage);
    }

    @Test
    void aFolderOfAppsIsDeployedInDependencyOrder() throws Exception {
        AppManifest lib = app("Lib", "1.0.0.0");
        AppManifest user = withDependency(app("User", "1.0.0.0"), lib);
        Path folder = Files.createDirectories(dir.resolve("release"));
        AppFile.write(folder.resolve("a-user.app"), user); // first by name, second by dependency
        AppFile.write(folder.resolve("b-lib.app"), lib);

        Exchange result = send(DEPLOY, folder.toFile(), null, null);

        assertNull(result.getException());
        List<String> installed = emulator.apps().installs().stream().map(i -> i.appId())
                .filter(id -> id.equals(lib.id()) || id.equals(user.id())).toList();
        assertEquals(List.of(lib.id(), user.id()), installed);
        assertEquals(2, result.getMessage().getBody(List.class).size());
        assertTrue(emulator.apps().installed(user.id()).isPresent());
    }

    @Test
    void aSetWithAMissingDependencyOrACycleUploadsNothing() throws Exception {
        AppManifest lib = app("GoneLib", "1.0.0.0");
        AppManifest user = withDependency(app("Orphan", "1.0.0.0"), lib);
        AppManifest loopA = app("LoopA", "1.0.0.0");
        AppManifest loopB = withDependency(app("LoopB", "1.0.0.0"), loopA);
        loopA = withDependency(loopA, loopB);

        Exchange missing = send(DEPLOY, List.of(write(user, "orphan.app")), null, null);
        Exchange cycle = send(DEPLOY, List.of(write(loopA, "loop-a.app"), write(loopB, "loop-b.app")), null, null);

        assertTrue(missing.getException().getMessage().contains("needs GoneLib"), missing.getException()::getMessage);
        assertTrue(cycle.getException().getMessage().contains("cycle"), cycle.getException()::getMessage);
        assertEquals(0, emulator.requestCount("apps.pteInstall"));
    }

    private static AppManifest withDependency(AppManifest app, AppManifest needed) {
        List<AppManifest.Dependency> dependencies = new java.util.ArrayList<>(app.dependencies());
        dependencies.add(new AppManifest.Dependency(needed.id(), needed.name(), needed.publisher(), needed.version()));
        return new AppManifest(app.id(), app.name(), app.publisher(), app.version(), dependencies);
    }

    private long installsOf(AppManifest app) {
        return emulator.apps().installs().stream().filter(i -> i.appId().equals(app.id())).count();
    }

    private File write(AppManifest app, String name) throws IOException {
        return AppFile.write(dir.resolve(name), app).toFile();
    }

    private static AppManifest app(String name, String version) {
        return new AppManifest(UUID.randomUUID().toString(), name, "Contoso", AppVersion.parse(version),
                List.of(new AppManifest.Dependency(BASE_APPLICATION, "Base Application", "Microsoft",
                        AppVersion.parse("27.0.0.0"))));
    }
}
