package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * The deployments page as an operator uses it, in a real browser (headless Chromium) against the example with both
 * services emulated: one application and one browser for every scenario. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext // its own settings: no other class reuses the context, so it stops with the browser
class DeploymentsPageTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String OPERATOR = "alice";
    private static final String OPERATOR_PASSWORD = "alice-page-password";
    private static final String VIEWER = "victor";
    private static final String VIEWER_PASSWORD = "victor-page-password";

    @TempDir
    static Path work;
    private static PageBrowser browser;

    @LocalServerPort
    int port;
    @Autowired
    BcEmulator bc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("deploykit.example.inbox", () -> work.resolve("inbox").toString());
        registry.add("deploykit.example.demo-folder", () -> work.resolve("demo").toString());
        registry.add("deploykit.example.emulators", () -> "on");
        registry.add("deploykit.example.emulator-job-step", () -> "700ms"); // long enough to be seen in flight
        registry.add("deploykit.web.refresh-millis", () -> "200");
        registry.add("deploykit.web.users." + OPERATOR + ".password", () -> "{noop}" + OPERATOR_PASSWORD);
        registry.add("deploykit.web.users." + OPERATOR + ".roles", () -> "operator");
        registry.add("deploykit.web.users." + VIEWER + ".password", () -> "{noop}" + VIEWER_PASSWORD);
        registry.add("deploykit.web.users." + VIEWER + ".roles", () -> "viewer");
    }

    @BeforeAll
    static void staging() throws Exception {
        Files.createDirectories(work.resolve("staging"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private PageBrowser browser() {
        if (browser == null) {
            browser = new PageBrowser("http://127.0.0.1:" + port + "/deploykit", Path.of("target/screenshots"));
        }
        return browser;
    }

    private Path inbox(String folder) {
        return work.resolve("inbox").resolve(folder);
    }

    @Test
    void aFileDroppedOntoThePageIsDeployingThenDoneInTheBrowsersTimeZone() throws Exception {
        PageBrowser page = browser();
        page.signIn(OPERATOR, OPERATOR_PASSWORD);
        Path file = RapidStartFiles.write(work.resolve("staging/vendors.rapidstart"), "PAGE-VENDORS", "Vendors", 2, 3).file();

        new Select(page.driver().findElement(By.id("upload-inbox"))).selectByVisibleText("rapidstart");
        dropOntoThePage(page, file);

        page.text("#in-flight tr[data-what='vendors.rapidstart']", text -> text.contains("bc: configurationPackage.deploy"),
                "vendors.rapidstart deploying");
        page.screenshot("1-deploying");
        String row = "#last-deploys tr[data-what='vendors.rapidstart']";
        page.text(row, text -> text.contains("success"), "vendors.rapidstart done");
        String started = page.text(row + " time", text -> !text.isEmpty(), "when it started");
        assertTrue(started.endsWith(PageBrowser.TIME_ZONE_NAME), "times in the browser's zone: " + started);
        assertTrue(Files.exists(inbox("rapidstart/.done/vendors.rapidstart")));
        assertEquals("Completed", bc.packageByCode(bc.company(EmbeddedEmulators.DEMO_COMPANY).id(), "PAGE-VENDORS")
                .orElseThrow().applyStatus());
        page.screenshot("2-done");
    }

    @Test
    void aFailedFileShowsItsReasonAndRetryDeploysItByKeyboard() throws Exception {
        PageBrowser page = browser();
        page.signIn(OPERATOR, OPERATOR_PASSWORD);
        bc.faults().applyFailure("PAGE-LOCKED", "Table 18 is locked by another session");
        RapidStartFiles.write(work.resolve("staging/locked.rapidstart"), "PAGE-LOCKED", "Locked", 1, 2);
        Files.move(work.resolve("staging/locked.rapidstart"), inbox("rapidstart/locked.rapidstart"));

        page.text("#error-files tr[data-file='locked.rapidstart']", text -> text.contains(
                "Table 18 is locked by another session"), "locked.rapidstart failed, with its reason");
        page.screenshot("3-failed");

        bc.faults().applyFailure("PAGE-LOCKED", null); // the lock is gone: the operator retries
        page.until("the Retry button", d -> d.findElement(By.cssSelector("#error-files button[aria-label='Retry"
                                                                        + " locked.rapidstart']"))).sendKeys(Keys.ENTER);

        Eventually.await("locked.rapidstart in .done", WITHIN, () -> Files.exists(inbox("rapidstart/.done/locked.rapidstart")));
        page.until("the file gone from the failed ones", d -> !page.hasRow("error-files", "data-file", "locked.rapidstart"));
        assertTrue(Files.exists(inbox("rapidstart/.error/.retried/locked.rapidstart.error.txt")), "its note is kept");
        assertEquals("Completed", bc.packageByCode(bc.company(EmbeddedEmulators.DEMO_COMPANY).id(), "PAGE-LOCKED")
                .orElseThrow().applyStatus(), "deployed again, this time applied");
        page.screenshot("4-retried");
    }

    @Test
    void aGatedWaveWaitsOnThePageUntilApprovedThenTheReleaseCompletes() throws Exception {
        PageBrowser page = browser();
        page.signIn(OPERATOR, OPERATOR_PASSWORD);
        writeGatedRelease(inbox("releases/gated.zip"));

        page.text("#gates tr[data-gate='page-gated|production']", text -> text.contains("production"), "the gate");
        String matrix = "#releases table[data-release='page-gated']";
        String waiting = page.text(matrix, text -> text.contains("gate production: waiting"), "the matrix at the gate");
        assertTrue(waiting.contains("sandbox | bc/sandbox/My Company done") && waiting.contains(
                "production | bc/production/My Company pending"), waiting);
        page.screenshot("5-gate-waiting");

        page.until("the Approve button", d -> d.findElement(By.cssSelector(
                "#gates button[aria-label='Approve wave production of page-gated']"))).click();

        Eventually.await("gated.zip in .done", WITHIN, () -> Files.exists(inbox("releases/.done/gated.zip")));
        String done = page.text(matrix, text -> text.contains("finished"), "the release finished");
        assertTrue(done.contains("gate production: approved") && done.contains("production | bc/production/My Company done"),
                done);
        assertTrue(Files.readString(inbox("releases/.done/gated.zip.report.md")).startsWith("# Release page-gated: succeeded"));
        Object state = page.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/deploykit/state').then(r => r.text()).then(done);
                """);
        for (String secret : List.of(EmbeddedEmulators.DEMO_CLIENT_SECRET, OPERATOR_PASSWORD, VIEWER_PASSWORD)) {
            assertFalse(page.driver().getPageSource().contains(secret) || state.toString().contains(secret),
                    "no secret on the page");
        }
        page.screenshot("6-release-approved");
    }

    @Test
    void anActionWithoutSigningInIsRefusedAndThePageAsksToSignIn() throws Exception {
        Path note = failedFile("stranger.rapidstart");
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/deploykit/errors/retry?inbox=rapidstart&file=stranger.rapidstart"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertTrue(refused.statusCode() == 401 || refused.statusCode() == 403, refused.statusCode() + " " + refused.body());
        assertTrue(Files.exists(note) && Files.exists(inbox("rapidstart/.error/stranger.rapidstart")), "nothing moved");
        PageBrowser page = browser();
        page.driver().manage().deleteAllCookies();
        page.open();
        page.until("the sign-in form", d -> d.getCurrentUrl().endsWith("/deploykit/login"));
        page.screenshot("7-sign-in");
    }

    @Test
    void theReadOnlyRoleSeesNoActionAndTheServerRefusesItsActions() throws Exception {
        failedFile("viewed.rapidstart");
        PageBrowser page = browser();
        page.signIn(VIEWER, VIEWER_PASSWORD);

        page.text("#error-files tr[data-file='viewed.rapidstart']", text -> text.contains("not a RapidStart package"),
                "viewed.rapidstart failed, with its reason");
        assertEquals(List.of(), page.driver().findElements(By.cssSelector("main button")), "no action button");
        assertTrue(!page.driver().findElement(By.id("upload")).isDisplayed(), "no upload");
        Object status = page.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const meta = n => document.querySelector(`meta[name="deploykit-${n}"]`).content;
                fetch('/deploykit/errors/dismiss?inbox=rapidstart&file=viewed.rapidstart',
                      {method: 'POST', headers: {[meta('csrf-header')]: meta('csrf-token')}})
                    .then(r => done(r.status), e => done(String(e)));
                """);
        assertEquals(403L, status);
        assertTrue(Files.exists(inbox("rapidstart/.error/viewed.rapidstart")), "not dismissed");

        page.resize(390, 844); // a phone: the page itself never scrolls sideways
        Object overflow = page.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow);
        page.screenshot("8-read-only-phone");
        page.resize(1280, 800);
    }

    /** Drops the file on the drop zone as a browser does when a file is dragged from the desktop: a drop event. */
    private static void dropOntoThePage(PageBrowser page, Path file) throws Exception {
        page.driver().executeScript("""
                const bytes = Uint8Array.from(atob(arguments[1]), c => c.charCodeAt(0));
                const dropped = new DataTransfer();
                dropped.items.add(new File([bytes], arguments[0]));
                document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', {dataTransfer: dropped,
                    bubbles: true, cancelable: true}));
                """, file.getFileName().toString(), Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
    }

    /** A file that is not a package, dropped and failed: in .error with its note. */
    private Path failedFile(String name) throws Exception {
        Files.writeString(inbox("rapidstart").resolve(name), "not a package at all");
        Path note = inbox("rapidstart/.error/" + name + ".error.txt");
        Eventually.await(name + " failed", WITHIN, () -> Files.exists(note));
        return note;
    }

    private static void writeGatedRelease(Path bundle) throws Exception {
        Path staging = Files.createDirectories(work.resolve("staging"));
        Path zip = staging.resolve(bundle.getFileName());
        String manifest = """
                release: page-gated
                steps:
                  - configurationPackage: GATED.rapidstart
                waves:
                  - name: sandbox
                    targets:
                      - environment: sandbox
                        companies: [My Company]
                  - name: production
                    approval: PT10M
                    targets:
                      - environment: production
                        companies: [My Company]
                """;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("release.yaml"));
            out.write(manifest.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("GATED.rapidstart"));
            out.write(Files.readAllBytes(RapidStartFiles.write(staging.resolve("GATED.rapidstart"), "GATED",
                    "Gated", 1, 2).file()));
        }
        Files.move(zip, bundle);
    }
}
