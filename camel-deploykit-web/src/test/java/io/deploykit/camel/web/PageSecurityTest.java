package io.deploykit.camel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.deploykit.camel.web.app.PageApplication;

/** The page's security over real HTTP: sign-in, roles, CSRF, the audit line, and no users meaning nobody. */
@ExtendWith(OutputCaptureExtension.class)
class PageSecurityTest {

    private static final Pattern CSRF = Pattern.compile("name=\"deploykit-csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(PageApplication.class).properties("server.port=0", "server.address=127.0.0.1",
                "camel.main.name=page-test", "deploykit.web.inboxes.rapidstart=" + dir.resolve("rapidstart"))
                .properties(properties).run();
    }

    private static String base(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/deploykit";
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String first(Pattern pattern, String text) {
        Matcher found = pattern.matcher(text);
        assertTrue(found.find(), text);
        return found.group(1);
    }

    /** Signs in through the form; returns the page's CSRF token. */
    private static String signIn(HttpClient client, String base, String user, String password) throws Exception {
        String token = first(LOGIN_CSRF, send(client, HttpRequest.newBuilder(URI.create(base + "/login"))).body());
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                      + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(client, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(302, signedIn.statusCode());
        assertEquals(base, signedIn.headers().firstValue("Location").orElseThrow());
        return first(CSRF, send(client, HttpRequest.newBuilder(URI.create(base))).body());
    }

    private static HttpRequest.Builder dismiss(String base, String file) {
        return HttpRequest.newBuilder(URI.create(base + "/errors/dismiss?inbox=rapidstart&file=" + file))
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void strangersViewersAndForgedRequestsAreRefusedOperatorsActAndEachActionIsAudited(CapturedOutput output)
            throws Exception {
        Path errors = Files.createDirectories(dir.resolve("rapidstart/.error"));
        Files.writeString(errors.resolve("bad.rapidstart"), "content");
        try (ConfigurableApplicationContext app = start(
                "deploykit.web.users.alice.password={noop}alice-pw", "deploykit.web.users.alice.roles=operator",
                "deploykit.web.users.victor.password={noop}victor-pw", "deploykit.web.users.victor.roles=viewer")) {
            String base = base(app);
            HttpClient stranger = HttpClient.newHttpClient();
            assertEquals("/deploykit/login", URI.create(send(stranger, HttpRequest.newBuilder(URI.create(base)))
                    .headers().firstValue("Location").orElseThrow()).getPath());
            assertEquals(401, send(stranger, HttpRequest.newBuilder(URI.create(base + "/state"))).statusCode());
            assertEquals(403, send(stranger, dismiss(base, "bad.rapidstart")).statusCode(), "no CSRF token, no session");

            HttpClient viewer = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String viewerToken = signIn(viewer, base, "victor", "victor-pw");
            HttpResponse<String> state = send(viewer, HttpRequest.newBuilder(URI.create(base + "/state")));
            assertTrue(state.body().contains("\"canAct\":false") && state.body().contains("bad.rapidstart"), state.body());
            assertEquals(403, send(viewer, dismiss(base, "bad.rapidstart").header("X-CSRF-TOKEN", viewerToken)).statusCode());
            assertTrue(output.getOut().lines().anyMatch(line -> line.contains("deploykit.audit") && line.contains("user=victor")
                    && line.contains("/deploykit/errors/dismiss") && line.contains("refused: 403")), "the refusal audited");

            HttpClient operator = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String token = signIn(operator, base, "alice", "alice-pw");
            assertEquals(403, send(operator, dismiss(base, "bad.rapidstart")).statusCode(), "a forged request: no token");
            assertTrue(Files.exists(errors.resolve("bad.rapidstart")), "nothing moved yet");

            HttpResponse<String> dismissed = send(operator, dismiss(base, "bad.rapidstart").header("X-CSRF-TOKEN", token));
            assertEquals(200, dismissed.statusCode(), dismissed.body());
            assertTrue(Files.exists(errors.resolve(".dismissed/bad.rapidstart")));
            assertTrue(output.getOut().lines().anyMatch(line -> line.contains("deploykit.audit") && line.contains("user=alice")
                    && line.contains("action=dismiss") && line.contains("rapidstart/.error/bad.rapidstart")
                    && line.contains("outcome=\"done\"")), "one audit line");
            assertFalse(output.getOut().contains("alice-pw") || output.getOut().contains("victor-pw"), "no password logged");
            assertTrue(output.getOut().contains("The deployments page's user alice has a plain password ({noop})"));
        }
    }

    /** Posts the sign-in form; returns where it sends the browser. */
    private static String trySignIn(HttpClient client, String base, String user, String password) throws Exception {
        String token = first(LOGIN_CSRF, send(client, HttpRequest.newBuilder(URI.create(base + "/login"))).body());
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                      + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return send(client, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).headers().firstValue("Location").orElseThrow();
    }

    @Test
    void guessingAPasswordLocksTheUserOutForAWhileAndSaysSo(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = start("deploykit.web.users.alice.password={noop}alice-pw",
                "deploykit.web.users.alice.roles=operator")) {
            String base = base(app);
            HttpClient guesser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
                assertEquals(base + "/login?error", trySignIn(guesser, base, "alice", "guess-" + i));
            }

            HttpClient alice = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            assertEquals(base + "/login?error", trySignIn(alice, base, "alice", "alice-pw"), "locked: the right one too");
            assertEquals(401, send(alice, HttpRequest.newBuilder(URI.create(base + "/state"))).statusCode());
            assertTrue(output.getOut().lines().anyMatch(line -> line.contains("deploykit.audit") && line.contains("user=alice")
                    && line.contains("locked until") && line.contains("after 5 failed sign-ins")), "the lock audited");
            for (int i = 0; i < 20; i++) { // made-up names are not counted, so they cost nothing and lock no one
                assertEquals(base + "/login?error", trySignIn(guesser, base, "nobody-" + i, "x"));
            }
        }
    }

    @Test
    void withoutUsersNobodyGetsInAndTheStartSaysSoLoudly(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            String base = base(app);
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String token = first(LOGIN_CSRF, send(client, HttpRequest.newBuilder(URI.create(base + "/login"))).body());
            HttpResponse<String> signIn = send(client, HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin&_csrf="
                                                              + URLEncoder.encode(token, StandardCharsets.UTF_8))));
            assertEquals(base + "/login?error", signIn.headers().firstValue("Location").orElseThrow());
            assertEquals(401, send(client, HttpRequest.newBuilder(URI.create(base + "/state"))).statusCode());
            assertEquals(401, send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(base.replace(
                    "/deploykit", "/elsewhere")))).statusCode(), "the rest of the application keeps Boot's default security");
            assertTrue(output.getOut().contains("The deployments page /deploykit has no users (deploykit.web.users): it"
                                                + " refuses every request"), "the WARN");
        }
    }
}
