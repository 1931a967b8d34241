package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.emulator.Await;
import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;

/**
 * The admin center API's app management, as a client written from Microsoft's page ("Business Central Admin Center
 * API - App Management") calls it; each test names the statement of the page it checks.
 */
class AppManagementTest {

    private static final String BASE_APPLICATION = "437dbf0e-84ff-417a-965d-ed2bb9650972";
    private static BcEmulator emulator;
    private static BcClient client;

    @BeforeAll
    static void start() {
        emulator = BcEmulator.builder().start();
        emulator.apps().setOperationDuration(Duration.ofMillis(300));
        client = new BcClient(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    // "running for uploads with an immediate deployment"; the operation then succeeds and the app is installed
    @Test
    void anImmediateInstallRunsThenSucceedsAndTheAppIsInstalled() throws Exception {
        AppManifest app = app("Toolbox", "1.0.0.0");
        byte[] file = AppFile.bytes(app);
        Response answer = pteInstall(file, "toolbox.app", Map.of("acceptIsvEula", "true"));
        assertEquals(200, answer.status(), answer::toString);
        JsonNode operation = answer.json();
        assertEquals("install", operation.path("type").asText());
        assertEquals("running", operation.path("status").asText());
        assertEquals("1.0.0.0", operation.path("targetAppVersion").asText());
        assertEquals(app.id(), operation.path("appId").asText());
        assertEquals("Immediate", operation.path("scheduleKind").asText());
        assertEquals("App", operation.path("creatorPrincipalType").asText());

        String path = "/apps/" + app.id() + "/operations/" + operation.path("id").asText();
        Await.until(() -> "Succeeded".equals(admin(path).json().path("status").asText()), ok -> ok, Duration.ofSeconds(10));
        JsonNode installed = installedApp(app.id());
        assertEquals("1.0.0.0", installed.path("version").asText());
        assertEquals("tenant", installed.path("appType").asText());
        assertTrue(installed.path("canBeUninstalled").asBoolean());
        assertEquals(1, emulator.apps().installs().stream().filter(i -> i.appId().equals(app.id())).count());
        assertEquals(sha256(file), emulator.apps().installs().stream().filter(i -> i.appId().equals(app.id()))
                .findFirst().orElseThrow().sha256());
    }

    // "acceptIsvEula: Required. Must be true for installation to proceed."
    @Test
    void withoutAcceptIsvEulaNothingIsInstalled() {
        AppManifest app = app("NoEula", "1.0.0.0");
        Response missing = pteInstall(AppFile.bytes(app), "noeula.app", Map.of());
        Response refused = pteInstall(AppFile.bytes(app), "noeula.app", Map.of("acceptIsvEula", "false"));
        assertEquals(400, missing.status(), missing::toString);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(missing.json().path("message").asText().contains("acceptIsvEula"), missing::toString);
        assertEquals(0, installsOf(app));
    }

    // "An extension with same App ID and version has already been uploaded"
    @Test
    void theSameIdAndVersionIsRefused() {
        AppManifest app = app("Twice", "2.0.0.0");
        assertEquals(200, pteInstall(AppFile.bytes(app), "twice.app", eula()).status());
        Response second = pteInstall(AppFile.bytes(app), "twice.app", eula());
        assertEquals(400, second.status(), second::toString);
        assertTrue(second.json().path("message").asText().contains("same App ID and version"), second::toString);
        assertEquals(1, installsOf(app));
    }

    // "otherwise the install fails when dependencies are missing": 400 with data.requirements
    @Test
    void aMissingDependencyIsRefusedWithItsRequirements() {
        String libraryId = UUID.randomUUID().toString();
        AppManifest app = new AppManifest(UUID.randomUUID().toString(), "Needy", "Contoso", AppVersion.parse("1.0.0.0"),
                List.of(new AppManifest.Dependency(libraryId, "Library", "Contoso", AppVersion.parse("1.2.0.0")),
                        new AppManifest.Dependency(BASE_APPLICATION, "Base Application", "Microsoft",
                                AppVersion.parse("27.0.0.0"))));
        Response answer = pteInstall(AppFile.bytes(app), "needy.app", eula());
        assertEquals(400, answer.status(), answer::toString);
        JsonNode requirements = answer.json().path("data").path("requirements");
        assertEquals(1, requirements.size(), answer::toString);
        assertEquals(libraryId, requirements.get(0).path("appId").asText());
        assertEquals("1.2.0.0", requirements.get(0).path("version").asText());
        assertEquals("install", requirements.get(0).path("type").asText());
        assertEquals(0, installsOf(app));
    }

    // "Must be Immediate or UpdateWindow for new PTEs"; a deferred upload is "scheduled"; removeScheduledPteVersion
    // cancels it, and answers 404 ResourceDoesNotExist when there is nothing to remove
    @Test
    void aNewAppIsScheduledOnlyForTheUpdateWindowAndCanBeRemoved() {
        AppManifest app = app("Later", "1.0.0.0");
        Response nextMinor = pteInstall(AppFile.bytes(app), "later.app",
                Map.of("acceptIsvEula", "true", "deploymentSchedule", "NextMinorUpdate"));
        assertEquals(400, nextMinor.status(), nextMinor::toString);

        Response window = pteInstall(AppFile.bytes(app), "later.app",
                Map.of("acceptIsvEula", "true", "deploymentSchedule", "UpdateWindow", "syncMode", "ForceSync"));
        assertEquals(200, window.status(), window::toString);
        assertEquals("scheduled", window.json().path("status").asText());
        assertTrue(window.json().path("startedOn").isMissingNode(), "startedOn is omitted for a deferred install");

        JsonNode scheduled = admin("/apps/scheduledPteOperations").json().path("value");
        JsonNode mine = find(scheduled, "appId", app.id());
        assertEquals("ForceSync", mine.path("parameters").path("syncMode").asText());

        String body = "{\"targetVersion\":\"1.0.0.0\",\"scheduleKind\":\"UpdateWindow\"}";
        Response removed = adminPost("/apps/" + app.id() + "/removeScheduledPteVersion", body);
        assertEquals(200, removed.status(), removed::toString);
        assertEquals("canceled", removed.json().path("status").asText());
        Response again = adminPost("/apps/" + app.id() + "/removeScheduledPteVersion", body);
        assertEquals(404, again.status(), again::toString);
        assertEquals("ResourceDoesNotExist", again.json().path("code").asText());
    }

    // "Must have .app file extension"; a file that is no extension, or a runtime package, is refused
    @Test
    void filesThatAreNotAppsAreRefused() {
        AppManifest app = app("Odd", "1.0.0.0");
        assertEquals(400, pteInstall(AppFile.bytes(app), "odd.zip", eula()).status());
        assertEquals(400, pteInstall("PK not an app".getBytes(StandardCharsets.US_ASCII), "odd.app", eula()).status());
        Response runtime = pteInstall(AppFile.runtimePackageBytes(app), "odd.app", eula());
        assertEquals(400, runtime.status(), runtime::toString);
        assertTrue(runtime.json().path("message").asText().contains("runtime package"), runtime::toString);
        assertEquals(0, installsOf(app));
    }

    // "cannot exceed 50MB in size"
    @Test
    void anAppOverFiftyMegabytesIsRefused() {
        AppManifest app = app("Huge", "1.0.0.0");
        byte[] head = AppFile.bytes(app);
        long padding = (50L << 20) - head.length + 1;
        InputStream file = new SequenceInputStream(new ByteArrayInputStream(head), zeros(padding));
        Response answer = pteInstall(file, "huge.app", eula());
        assertEquals(400, answer.status(), answer::toString);
        assertTrue(answer.json().path("message").asText().contains("50MB"), answer::toString);
        assertEquals(0, installsOf(app));
    }

    // an operation that fails carries its errorMessage; the statuses of the operations list are capitalised
    @Test
    void aFailedInstallReportsItsErrorMessage() {
        AppManifest app = app("Broken", "1.0.0.0");
        emulator.apps().failNextInstall(app.id(), "The schema synchronization failed");
        Response answer = pteInstall(AppFile.bytes(app), "broken.app", eula());
        assertEquals(200, answer.status(), answer::toString);
        String path = "/apps/" + app.id() + "/operations";
        Await.until(() -> "Failed".equals(
                admin(path).json().path("value").get(0).path("status").asText()), ok -> ok, Duration.ofSeconds(10));
        JsonNode failed = admin(path).json().path("value").get(0);
        assertEquals("The schema synchronization failed", failed.path("errorMessage").asText());
        assertEquals("1.0.0.0", failed.path("targetVersion").asText());
        assertTrue(emulator.apps().installed(app.id()).isEmpty());
    }

    // "uninstallDependents ... otherwise information about dependent apps will be returned in error details"
    @Test
    void anAppOthersDependOnIsUninstalledOnlyWithItsDependents() {
        AppManifest library = app("Lib", "1.0.0.0");
        AppManifest user = new AppManifest(UUID.randomUUID().toString(), "LibUser", "Contoso",
                AppVersion.parse("1.0.0.0"), List.of(new AppManifest.Dependency(library.id(), "Lib", "Contoso",
                AppVersion.parse("1.0.0.0"))));
        installAndWait(library);
        installAndWait(user);

        JsonNode requirements = admin("/apps/" + library.id() + "/uninstallRequirements").json().path("value");
        assertEquals(user.id(), requirements.get(0).path("appId").asText());
        Response refused = adminPost("/apps/" + library.id() + "/uninstall", "{\"uninstallDependents\":false}");
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("uninstall", refused.json().path("data").path("requirements").get(0).path("type").asText());

        Response accepted = adminPost("/apps/" + library.id() + "/uninstall", "{\"uninstallDependents\":true}");
        assertEquals(200, accepted.status(), accepted::toString);
        assertEquals("uninstall", accepted.json().path("type").asText());
        Await.until(() -> emulator.apps().installed(library.id()).isEmpty(), ok -> ok, Duration.ofSeconds(10));
        assertTrue(emulator.apps().installed(user.id()).isEmpty());
    }

    // GET apps lists Microsoft's global apps, which cannot be uninstalled
    @Test
    void theInstalledAppsIncludeMicrosoftsGlobalApps() {
        JsonNode base = installedApp(BASE_APPLICATION);
        assertEquals("global", base.path("appType").asText());
        assertEquals("Microsoft", base.path("publisher").asText());
        assertEquals(false, base.path("canBeUninstalled").asBoolean());
    }

    // the admin center API needs an Entra token; an unknown environment is ResourceDoesNotExist
    @Test
    void requestsNeedATokenAndAnExistingEnvironment() {
        Response anonymous = BcClient.send(HttpRequest.newBuilder(URI.create(emulator.adminEnvironmentUrl() + "/apps"))
                .GET().build());
        assertEquals(401, anonymous.status(), anonymous::toString);
        Response elsewhere = BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                + "/admin/v2.29/applications/BusinessCentral/environments/nowhere/apps"))
                .header("Authorization", "Bearer " + client.token()).GET().build());
        assertEquals(404, elsewhere.status(), elsewhere::toString);
        assertEquals("ResourceDoesNotExist", elsewhere.json().path("code").asText());
    }

    // faults injected into the service hit the admin center API as they hit the v2.0 API
    @Test
    void faultsHitTheAdminApiToo() {
        emulator.faults().serviceUnavailable(1, 1);
        Response answer = admin("/apps");
        assertEquals(503, answer.status(), answer::toString);
        assertEquals(200, admin("/apps").status());
    }

    // the emulator's own administration: a failure injected, the update window played, installs in the history
    @Test
    void theAdministrationEndpointsDriveAndReportApps() {
        AppManifest failing = app("AdminFail", "1.0.0.0");
        Response set = BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/bc/apps/"
                + failing.id() + "/install-failure")).PUT(BodyPublishers.ofString("{\"errorMessage\":\"boom\"}"))
                .header("Content-Type", "application/json").build());
        assertEquals(204, set.status(), set::toString);
        String id = pteInstall(AppFile.bytes(failing), "f.app", eula()).json().path("id").asText();
        String path = "/apps/" + failing.id() + "/operations/" + id;
        Await.until(() -> admin(path).json().path("errorMessage").asText(), "boom"::equals, Duration.ofSeconds(10));

        AppManifest later = app("AdminLater", "1.0.0.0");
        pteInstall(AppFile.bytes(later), "l.app", Map.of("acceptIsvEula", "true", "deploymentSchedule", "UpdateWindow"));
        Response window = BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                + "/_emulator/bc/apps/update-window")).POST(BodyPublishers.noBody()).build());
        assertEquals(204, window.status(), window::toString);
        Await.until(() -> emulator.apps().installed(later.id()).isPresent(), ok -> ok, Duration.ofSeconds(10));

        JsonNode history = BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                + "/_emulator/bc/history")).GET().build()).json().path("appInstalls");
        assertEquals("UpdateWindow", find(history, "appId", later.id()).path("scheduleKind").asText());
    }

    private static void installAndWait(AppManifest app) {
        Response answer = pteInstall(AppFile.bytes(app), app.name() + ".app", eula());
        assertEquals(200, answer.status(), answer::toString);
        Await.until(() -> emulator.apps().installed(app.id()).isPresent(), ok -> ok, Duration.ofSeconds(10));
    }

    private static AppManifest app(String name, String version) {
        return new AppManifest(UUID.randomUUID().toString(), name, "Contoso", AppVersion.parse(version),
                List.of(new AppManifest.Dependency(BASE_APPLICATION, "Base Application", "Microsoft",
                        AppVersion.parse("27.0.0.0"))));
    }

    private static Map<String, String> eula() {
        return Map.of("acceptIsvEula", "true");
    }

    private static long installsOf(AppManifest app) {
        return emulator.apps().installs().stream().filter(i -> i.appId().equals(app.id())).count();
    }

    private static JsonNode installedApp(String appId) {
        return find(admin("/apps").json().path("value"), "appId", appId);
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.path(field).asText().equalsIgnoreCase(value)) {
                return item;
            }
        }
        throw new AssertionError("No item with " + field + " " + value + " in " + list);
    }

    private static Response admin(String path) {
        return BcClient.send(adminRequest(path).GET().build());
    }

    private static Response adminPost(String path, String json) {
        return BcClient.send(adminRequest(path).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)).build());
    }

    private static HttpRequest.Builder adminRequest(String path) {
        return HttpRequest.newBuilder(URI.create(emulator.adminEnvironmentUrl() + path))
                .header("Authorization", "Bearer " + client.token()).timeout(Duration.ofSeconds(60));
    }

    private static Response pteInstall(byte[] file, String fileName, Map<String, String> fields) {
        return pteInstall(new ByteArrayInputStream(file), fileName, fields);
    }

    /** The multipart body the page describes: extensionFile, then the form fields. */
    private static Response pteInstall(InputStream file, String fileName, Map<String, String> fields) {
        String boundary = "----deploykit" + UUID.randomUUID();
        StringBuilder tail = new StringBuilder("\r\n");
        new LinkedHashMap<>(fields).forEach((name, value) -> tail.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        tail.append("--").append(boundary).append("--\r\n");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"extensionFile\"; filename=\""
                      + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        InputStream body = new SequenceInputStream(new SequenceInputStream(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), file),
                new ByteArrayInputStream(tail.toString().getBytes(StandardCharsets.UTF_8)));
        return BcClient.send(adminRequest("/apps/pteInstall")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofInputStream(() -> body)).build());
    }

    private static InputStream zeros(long count) {
        return new InputStream() {
            private long left = count;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
