package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * The application as an operator watches it, over real HTTP on its own port: {@code /actuator/health} with the
 * components' producer health checks, {@code /actuator/prometheus} with their metrics, {@code /actuator/camel/bc}
 * with the dev console. Health details and the consoles are not shown by default (ActuatorExposureTest): here they
 * are asked for, as an operator does where the port is guarded, with show-details=always and the consoles profile.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperabilityTest {

    private static final String OPERATOR_PASSWORD = "operator-test-password";

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private ConfigurableApplicationContext start(List<String> more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--deploykit.example.inbox=" + work.resolve("inbox"),
                "--deploykit.example.demo-folder=" + work.resolve("demo"),
                "--management.endpoint.health.show-details=always",
                "--deploykit.example.operator-password=" + OPERATOR_PASSWORD));
        arguments.addAll(more);
        return new SpringApplicationBuilder(FileDropApplication.class).profiles("test", "consoles")
                .run(arguments.toArray(String[]::new));
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws IOException, InterruptedException {
        return get(app, path, "operator:" + OPERATOR_PASSWORD);
    }

    /** As the operator ({@code user:password}), or anonymously (null). */
    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path, String credentials)
            throws IOException, InterruptedException {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (credentials != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsolesAnswerTheOperatorOnlyAndDoNotStartWithoutTheOperatorsPassword() throws Exception {
        try (ConfigurableApplicationContext app = start(List.of("--deploykit.example.emulators=on"))) {
            assertEquals(401, get(app, "/actuator/camel/bc", null).statusCode(), "anonymous");
            assertEquals(401, get(app, "/actuator/camel/bc", "operator:wrong").statusCode(), "a wrong password");
            assertEquals(200, get(app, "/actuator/camel/bc").statusCode(), "the operator");
            assertEquals(200, get(app, "/actuator/health", null).statusCode(), "the status stays open");
        }
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () ->
                new SpringApplicationBuilder(FileDropApplication.class).profiles("test", "consoles").run(
                        "--deploykit.example.inbox=" + work.resolve("inbox"),
                        "--deploykit.example.demo-folder=" + work.resolve("demo"),
                        "--deploykit.example.emulators=on").close());
        Throwable cause = refused;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("set deploykit.example.operator-password"), cause.getMessage());
    }

    @Test
    void healthMetricsAndConsoleShowTheComponentsOverHttp() throws Exception {
        try (ConfigurableApplicationContext app = start(List.of("--deploykit.example.emulators=on"))) {
            HttpResponse<String> health = get(app, "/actuator/health");
            assertEquals(200, health.statusCode(), health.body());
            JsonNode status = JSON.readTree(health.body());
            assertEquals("UP", status.path("status").asText(), health.body());
            assertTrue(health.body().contains("\"producer:bc-") && health.body().contains("\"producer:reactor-"),
                    "the producer health checks of both components: " + health.body());

            Path inbox = work.resolve("inbox/rapidstart");
            RapidStartFiles.write(inbox.resolve("metrics.rapidstart"), "OPS-METRICS", "Metrics", 1, 2);
            Eventually.await("metrics.rapidstart in .done", WITHIN, () -> Files.exists(inbox.resolve(".done/metrics.rapidstart")));

            String prometheus = get(app, "/actuator/prometheus").body();
            assertEquals(1.0, value(prometheus, "deploykit_deploys_total", "component=\"bc\"",
                    "operation=\"configurationPackage.deploy\"", "outcome=\"success\""), prometheus);
            assertEquals(2.0, value(prometheus, "deploykit_job_wait_seconds_count", "component=\"bc\"", "outcome=\"success\""));
            assertTrue(value(prometheus, "deploykit_uploaded_bytes_total", "component=\"bc\"") > 0);
            assertTrue(value(prometheus, "deploykit_token_fetches_total", "component=\"bc\"", "outcome=\"success\"") >= 1);
            assertEquals(0.0, value(prometheus, "deploykit_waits_active", "component=\"bc\""));

            HttpResponse<String> console = get(app, "/actuator/camel/bc");
            assertEquals(200, console.statusCode(), console.body());
            JsonNode last = JSON.readTree(console.body()).path("bc").path("bc").path("lastDeploys").path(0);
            assertEquals("metrics.rapidstart", last.path("what").asText(), console.body());
            assertEquals("success", last.path("outcome").asText());
            assertEquals(200, get(app, "/actuator/camel/reactor").statusCode());
        }
    }

    @Test
    void theConsolesProfileOffersOnlyTheComponentsConsoles() throws Exception {
        try (ConfigurableApplicationContext app = start(List.of("--deploykit.example.emulators=on"))) {
            for (String other : List.of("heap-dump", "bean", "jvm", "system-properties", "properties")) {
                HttpResponse<String> answer = get(app, "/actuator/camel/" + other);
                assertTrue(JSON.readTree(answer.body()).isEmpty(), other + " answered: " + answer.body());
            }
            JsonNode all = JSON.readTree(get(app, "/actuator/camel/all").body());
            List<String> consoles = new ArrayList<>();
            all.fieldNames().forEachRemaining(consoles::add);
            assertEquals(List.of("bc", "reactor"), consoles.stream().sorted().toList(), all.toString());
            try (var files = Files.walk(Path.of("").toAbsolutePath(), 2)) {
                assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".hprof")).toList(), "no heap dump");
            }
        }
    }

    @Test
    void aWrongSecretIsDownWithTheReasonAndWithoutTheSecret(CapturedOutput output) throws Exception {
        String wrong = "wrong-secret-of-the-operator";
        try (BcEmulator bc = BcEmulator.builder().port(0)
                .client(EmbeddedEmulators.DEMO_CLIENT_ID, EmbeddedEmulators.DEMO_CLIENT_SECRET).start();
             ReactorEmulator reactor = ReactorEmulator.builder().port(0)
                     .client(EmbeddedEmulators.DEMO_CLIENT_ID, EmbeddedEmulators.DEMO_CLIENT_SECRET).start();
             ConfigurableApplicationContext app = start(List.of(
                     "--camel.component.bc.base-url=" + bc.apiBaseUrl(),
                     "--camel.component.bc.token-url=" + bc.tokenUrl(),
                     "--camel.component.bc.tenant-id=" + bc.tenant(),
                     "--camel.component.bc.environment=" + bc.environment(),
                     "--camel.component.bc.company-name=" + EmbeddedEmulators.DEMO_COMPANY,
                     "--camel.component.bc.client-id=" + EmbeddedEmulators.DEMO_CLIENT_ID,
                     "--camel.component.bc.client-secret=" + wrong,
                     "--camel.component.reactor.base-url=" + reactor.baseUrl(),
                     "--camel.component.reactor.token-url=" + reactor.tokenUrl(),
                     "--camel.component.reactor.client-id=" + EmbeddedEmulators.DEMO_CLIENT_ID,
                     "--camel.component.reactor.client-secret=" + EmbeddedEmulators.DEMO_CLIENT_SECRET))) {
            HttpResponse<String> health = get(app, "/actuator/health");
            assertEquals(503, health.statusCode(), health.body());
            assertEquals("DOWN", JSON.readTree(health.body()).path("status").asText());
            assertTrue(health.body().contains("invalid_client") && health.body().contains("AADSTS7000215"),
                    "the token endpoint's reason: " + health.body());
            assertFalse(health.body().contains(wrong), "the secret is not in the answer");
        }
        assertFalse(output.getAll().contains(wrong), "nor in the log");
    }

    /** The value of the one sample of {@code metric} whose labels include all of {@code labels}. */
    private static double value(String prometheus, String metric, String... labels) {
        Matcher samples = Pattern.compile("(?m)^" + metric + "\\{([^}]*)} (\\S+)$").matcher(prometheus);
        List<Double> values = new ArrayList<>();
        while (samples.find()) {
            String found = samples.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                values.add(Double.parseDouble(samples.group(2)));
            }
        }
        assertEquals(1, values.size(), "one sample of " + metric + " " + List.of(labels) + " in\n" + prometheus);
        return values.get(0);
    }
}
