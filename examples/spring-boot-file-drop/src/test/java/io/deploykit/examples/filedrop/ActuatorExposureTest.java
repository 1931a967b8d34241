package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * The example as people copy it to production, asked from outside over real HTTP: only health (without details)
 * and prometheus answer, on loopback only; the Camel dev consoles (heap dump, beans, all), Spring's heap dump, env
 * and configprops are not there, no heap dump is written, and the secrets it was given appear in no answer and not
 * in its log. Its start shows no Camel security warning.
 */
class ActuatorExposureTest {

    private static final String CLIENT_SECRET = "bc-client-secret-that-must-not-leak-4711";
    private static final String FTP_PASSWORD = "ftp-password-that-must-not-leak-0815";
    private static final List<String> PROBES = List.of("/actuator/camel/heap-dump", "/actuator/camel/bean",
            "/actuator/camel/all", "/actuator/camel", "/actuator/env", "/actuator/configprops", "/actuator/heapdump",
            "/actuator/beans", "/actuator/env/camel.component.bc.client-secret");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void withRealServicesAndSecretsNothingButHealthAndMetricsAnswersAndNoSecretLeaks() throws Exception {
        try (BcEmulator bc = BcEmulator.builder().port(0).client(EmbeddedEmulators.DEMO_CLIENT_ID, CLIENT_SECRET).start();
             ReactorEmulator reactor = ReactorEmulator.builder().port(0)
                     .client(EmbeddedEmulators.DEMO_CLIENT_ID, CLIENT_SECRET).start()) {
            List<String> arguments = List.of(
                    "--deploykit.example.inbox=" + work.resolve("inbox"),
                    "--camel.component.bc.base-url=" + bc.apiBaseUrl(),
                    "--camel.component.bc.token-url=" + bc.tokenUrl(),
                    "--camel.component.bc.tenant-id=" + bc.tenant(),
                    "--camel.component.bc.environment=" + bc.environment(),
                    "--camel.component.bc.company-name=" + EmbeddedEmulators.DEMO_COMPANY,
                    "--camel.component.reactor.base-url=" + reactor.baseUrl(),
                    "--camel.component.reactor.token-url=" + reactor.tokenUrl());
            // credentials as an operator gives them: environment variables (Camel counts client ids as secrets too)
            Map<String, String> secrets = Map.of("CAMEL_COMPONENT_BC_CLIENTID", EmbeddedEmulators.DEMO_CLIENT_ID,
                    "CAMEL_COMPONENT_BC_CLIENTSECRET", CLIENT_SECRET,
                    "CAMEL_COMPONENT_REACTOR_CLIENTID", EmbeddedEmulators.DEMO_CLIENT_ID,
                    "CAMEL_COMPONENT_REACTOR_CLIENTSECRET", CLIENT_SECRET, "DEPLOYKIT_EXAMPLE_FTP_PASSWORD", FTP_PASSWORD);
            probeFromOutside("real", arguments, secrets);
        }
    }

    @Test
    void theReadmeCommandOnTheEmulatorsExposesNothingMoreAndWarnsOfNothingInsecure() throws Exception {
        probeFromOutside("demo", List.of("--deploykit.example.inbox=" + work.resolve("inbox"),
                "--deploykit.example.emulators=on"), Map.of("DEPLOYKIT_EXAMPLE_FTP_PASSWORD", FTP_PASSWORD));
    }

    private void probeFromOutside(String name, List<String> arguments, Map<String, String> environment) throws Exception {
        Path directory = Files.createDirectories(work.resolve("run-" + name));
        List<String> answers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (ChildApplication app = ChildApplication.startIn(directory, name, work, environment, arguments)) {
            app.awaitStarted();
            int port = app.port();

            HttpResponse<String> health = get(port, "/actuator/health");
            answers.add(health.body());
            assertEquals(200, health.statusCode(), health.body() + app.tail());
            if (health.body().contains("components") || health.body().contains("details")) {
                problems.add("health shows details to an unauthenticated caller: " + abbreviate(health.body()));
            }
            assertEquals(200, get(port, "/actuator/prometheus").statusCode());
            for (String probe : PROBES) {
                HttpResponse<String> answer = get(port, probe);
                answers.add(answer.body());
                if (answer.statusCode() != 404 && answer.statusCode() != 401) { // not exposed, or not to anonymous callers
                    problems.add(probe + " answered " + answer.statusCode() + ": " + abbreviate(answer.body()));
                }
            }
            for (InetAddress address : nonLoopbackAddresses()) {
                if (accepts(address, port)) {
                    problems.add("listens on " + address + ", not only on loopback");
                }
            }
            List<Path> dumps = new ArrayList<>(hprofFiles(work));
            dumps.addAll(hprofFiles(Path.of("")));
            if (!dumps.isEmpty()) {
                problems.add("heap dumps written: " + dumps);
            }
            String log = app.output();
            if (log.contains("SECURITY WARNING") || log.toLowerCase(java.util.Locale.ROOT).contains("insecure")) {
                problems.add("a Camel security warning at start: " + app.matches(
                        java.util.regex.Pattern.compile("(.*(?:SECURITY WARNING|[Ii]nsecure).*)")));
            }
            for (String secret : List.of(CLIENT_SECRET, FTP_PASSWORD)) {
                if (log.contains(secret)) {
                    problems.add("a secret in the log");
                }
                if (String.join("\n", answers).contains(secret)) {
                    problems.add("a secret in an answer");
                }
            }
        } finally {
            for (Path dump : hprofFiles(work)) {
                Files.deleteIfExists(dump);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** This machine's own addresses that others can reach it at. */
    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
            if (network.isUp() && !network.isLoopback()) {
                network.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static List<Path> hprofFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder.toAbsolutePath(), 3)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".hprof")).toList();
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 150 ? body.substring(0, 150) + "..." : body;
    }
}
