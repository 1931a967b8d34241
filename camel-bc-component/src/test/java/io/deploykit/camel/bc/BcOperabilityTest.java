package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocket;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.health.DeployKitProducerHealthCheck;
import io.deploykit.camel.core.test.OperableContextSupport;
import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * What an operator sees of the bc: component, against a real emulator over HTTP: its producer health check (UP,
 * DOWN with the cause and without the secret, at most one probe per interval), its dev console, its JMX attributes,
 * and the progress lines of a large upload.
 */
class BcOperabilityTest extends OperableContextSupport {

    private static final String CLIENT_ID = "ops-client";
    private static final String SECRET = "ops-secret-never-shown";
    private static final String COMPANY = "CRONUS USA, Inc.";
    private static final String LIST = "bc:configurationPackage?operation=list";

    private static final String APP_DEPLOY = "bc:app?operation=deploy&acceptIsvEula=true";
    private static BcEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = BcEmulator.builder().port(0).client(CLIENT_ID, SECRET).jobStepDuration(Duration.ofMillis(50)).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Override
    protected void afterStop() {
        emulator.faults().clear();
    }

    /** A context with JMX (camel-management is on the class path), the dev consoles and producer health checks on. */
    private DefaultCamelContext start(String secret, Consumer<BcConfiguration> more) {
        BcComponent bc = new BcComponent();
        BcConfiguration config = bc.getConfiguration();
        config.setBaseUrl(emulator.apiBaseUrl());
        config.setTenantId(emulator.tenant());
        config.setEnvironment(emulator.environment());
        config.setCompanyName(COMPANY);
        config.setClientId(CLIENT_ID);
        config.setClientSecret(secret);
        config.setTokenUrl(emulator.tokenUrl());
        config.setPollInterval(50);
        config.setRetryDelay(20);
        more.accept(config);
        try {
            // endpoints of routes, as in an application: Camel registers their MBeans as the routes start
            return start("bc", bc, new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").to(LIST);
                    from("direct:deploy").to("bc:configurationPackage?operation=deploy");
                    from("direct:upload").to("bc:configurationPackage?operation=upload");
                    from("direct:app").to(APP_DEPLOY);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HealthCheck.Result health(String endpointUri) {
        DeployKitProducerHealthCheck check = ((BcEndpoint) context.getEndpoint(endpointUri)).getHealthCheck();
        // every check's result: by default Camel shows one result when all are UP
        org.apache.camel.health.HealthCheckRegistry.get(context).setExposureLevel("full");
        List<HealthCheck.Result> results = HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().equals(check.getId())).toList();
        assertEquals(1, results.size(), "the endpoint's check runs among the producer checks");
        return results.get(0);
    }

    @Test
    void theHealthCheckProvesATokenAndReadsTheCompanyAtMostOncePerInterval() {
        start(SECRET, config -> config.setHealthCheckInterval(60_000));
        String uri = LIST;
        emulator.clearRequests();

        HealthCheck.Result first = health(uri);
        assertEquals(HealthCheck.State.UP, first.getState(), () -> String.valueOf(first.getDetails()));
        assertTrue(first.getCheck().getId().startsWith("producer:bc-"), first.getCheck().getId());
        assertTrue(String.valueOf(first.getDetails().get("target")).contains(COMPANY));
        assertEquals(1, emulator.tokenRequestCount(), "one token, shared by the endpoints");
        assertEquals(3, emulator.requestCount("companies.list"), "one read per endpoint (three routes)");

        for (int i = 0; i < 5; i++) {
            assertEquals(HealthCheck.State.UP, health(uri).getState());
        }
        assertEquals(3, emulator.requestCount("companies.list"), "the last result is reported within the interval");
        assertEquals("UP", attribute(endpointName(uri), "HealthState"));
    }

    @Test
    void aWrongSecretIsDownWithTheTokenEndpointsReasonAndNoSecret() {
        String wrong = "wrong-secret-must-not-appear";
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        HealthCheck.Result result;
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            start(wrong, config -> config.setHealthCheckInterval(0));
            result = health(LIST);
        } finally {
            System.setErr(err);
        }
        assertEquals(HealthCheck.State.DOWN, result.getState());
        String reason = String.valueOf(result.getDetails().get(DeployKitProducerHealthCheck.REASON));
        assertTrue(reason.contains("invalid_client") && reason.contains("HTTP 401"), reason);
        assertEquals(401, result.getDetails().get("service.status.code"));
        assertEquals("invalid_client", result.getDetails().get("service.error.code"));
        String everything = result.getDetails() + " " + result.getMessage() + " " + result.getError().map(Throwable::toString)
                + " " + log.toString(StandardCharsets.UTF_8);
        assertFalse(everything.contains(wrong), "the secret is nowhere: " + everything);
        assertTrue(String.valueOf(attribute(endpointName(LIST), "HealthReason"))
                .contains("invalid_client"));
    }

    @Test
    void anUnknownCompanyIsDownNamingIt() {
        start(SECRET, config -> config.setCompanyName("No Such Company"));
        HealthCheck.Result result = health(LIST);
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(String.valueOf(result.getDetails().get("reason")).contains("No company named 'No Such Company'"),
                String.valueOf(result.getDetails()));
    }

    @Test
    void tlsFailuresAndTimeoutsAreNamed() throws Exception {
        // a TLS server with no certificate to offer: every handshake fails, as with an untrusted or broken endpoint
        try (SSLServerSocket tlsServer = (SSLServerSocket) SSLServerSocketFactory.getDefault()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!tlsServer.isClosed()) {
                    try (Socket socket = tlsServer.accept()) {
                        ((SSLSocket) socket).startHandshake();
                    } catch (IOException refused) {
                        // the handshake fails: what the client is to report
                    }
                }
            }, "tls-refuser");
            acceptor.setDaemon(true);
            acceptor.start();
            start(SECRET, config -> {
                config.setTokenUrl("https://127.0.0.1:" + tlsServer.getLocalPort() + "/tenant/oauth2/v2.0/token");
                config.setMaxRetries(0);
            });
            HealthCheck.Result tls = health(LIST);
            assertEquals(HealthCheck.State.DOWN, tls.getState());
            assertTrue(String.valueOf(tls.getDetails().get("reason")).startsWith("TLS: "), String.valueOf(tls.getDetails()));
            context.stop();
        }

        start(SECRET, config -> {
            config.setResponseTimeout(300);
            config.setMaxRetries(0);
        });
        emulator.faults().slow(10, Duration.ofSeconds(2));
        HealthCheck.Result slow = health(LIST);
        assertEquals(HealthCheck.State.DOWN, slow.getState());
        assertTrue(String.valueOf(slow.getDetails().get("reason")).startsWith("timeout: "), String.valueOf(slow.getDetails()));
    }

    @Test
    void aDeployShowsInTheConsoleAndInJmx() throws Exception {
        start(SECRET, config -> { });
        Path file = dir.resolve("ops.rapidstart");
        RapidStartFiles.write(file, "OPS-1", "Operations", 2, 3);
        emulator.faults().rateLimit(1, 0); // one 429 on the way: a retry by status
        ProducerTemplate template = context.createProducerTemplate();
        Exchange done = template.send("direct:deploy", e -> e.getMessage().setBody(file.toFile()));
        assertNull(done.getException());

        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class).resolveById("bc");
        assertNotNull(console, "found by its id, as the actuator and the camel CLI find it");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) console.call(DevConsole.MediaType.JSON)).get("bc");
        @SuppressWarnings("unchecked")
        Map<String, Object> last = ((List<Map<String, Object>>) json.get("lastDeploys")).get(0);
        assertEquals("ops.rapidstart", last.get("what"));
        assertEquals("configurationPackage.deploy", last.get("operation"));
        assertEquals("success", last.get("outcome"));
        assertEquals("deployed", last.get("lastStep"));
        assertEquals(Map.of("429", 1L), json.get("retriesByStatus"));
        @SuppressWarnings("unchecked")
        Map<String, Object> token = ((List<Map<String, Object>>) json.get("tokenCache")).get(0);
        assertEquals(CLIENT_ID, token.get("clientId"));
        assertEquals(emulator.tokenUrl(), token.get("tokenUrl"));
        assertNotNull(token.get("expiresAt"));
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("ops.rapidstart") && text.contains("success"), text);
        assertFalse(json.toString().contains(SECRET) || text.contains(SECRET));
        assertFalse(text.contains("Bearer") || json.toString().contains("Bearer"), "never a token");

        ObjectName component = componentName();
        assertEquals(1L, attribute(component, "DeploysSucceeded"));
        assertEquals(1L, attribute(component, "Retries"));
        assertEquals("{429=1}", attribute(component, "RetriesByStatus"));
        assertEquals(Files.size(file), attribute(component, "BytesUploaded"));
        assertEquals(2L, attribute(component, "JobWaits"), "the import and the apply");
        assertEquals(0L, attribute(component, "WaitsInFlight"));
        assertTrue((Long) attribute(component, "TokenFetches") >= 1);
        assertTrue(((String) attribute(component, "LastDeploy")).startsWith("ops.rapidstart configurationPackage.deploy success"));
    }

    @Test
    void anAppDeployShowsInTheConsoleAndInJmxAndItsHealthCheckAsksTheAdminCenter() throws Exception {
        start(SECRET, config -> { });
        emulator.apps().setOperationDuration(Duration.ofMillis(100));
        Path file = AppFile.write(dir.resolve("ops.app"), new AppManifest(java.util.UUID.randomUUID().toString(),
                "Ops App", "Contoso", AppVersion.parse("1.0.0.0"), List.of()));

        Exchange done = context.createProducerTemplate().send("direct:app", e -> e.getMessage().setBody(file.toFile()));
        assertNull(done.getException());

        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class).resolveById("bc");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) console.call(DevConsole.MediaType.JSON)).get("bc");
        @SuppressWarnings("unchecked")
        Map<String, Object> last = ((List<Map<String, Object>>) json.get("lastDeploys")).get(0);
        assertEquals("ops.app", last.get("what"));
        assertEquals("app.deploy", last.get("operation"));
        assertEquals("success", last.get("outcome"));
        assertEquals("installed", last.get("lastStep"));
        ObjectName component = componentName();
        assertEquals(1L, attribute(component, "DeploysSucceeded"));
        assertEquals(Files.size(file), attribute(component, "BytesUploaded"));
        assertEquals(1L, attribute(component, "JobWaits"), "the install's operation");
        assertTrue(((String) attribute(component, "LastDeploy")).startsWith("ops.app app.deploy success"));

        emulator.clearRequests();
        HealthCheck.Result health = health(APP_DEPLOY);
        assertEquals(HealthCheck.State.UP, health.getState(), String.valueOf(health.getDetails()));
        assertEquals(1, emulator.requestCount("apps.list"), "the probe read the environment's apps");
    }

    @Test
    void aLargeUploadLogsItsProgressEveryTenthWithRateAndTimeLeft() throws Exception {
        start(SECRET, config -> config.setUploadProgressThreshold(1024 * 1024));
        Path file = dir.resolve("large.rapidstart");
        RapidStartFiles.writeOfSize(file, "OPS-LARGE", 20L * 1024 * 1024);
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            Exchange done = context.createProducerTemplate().send("direct:upload",
                    e -> e.getMessage().setBody(file.toFile()));
            assertNull(done.getException());
        } finally {
            System.setErr(err);
        }
        Matcher lines = Pattern.compile("Uploading large\\.rapidstart: ([0-9.]+ \\w+) of ([0-9.]+ \\w+) \\((\\d+)%\\), ([0-9.]+ \\w+)/s")
                .matcher(log.toString(StandardCharsets.UTF_8));
        Set<Integer> percents = new java.util.TreeSet<>();
        while (lines.find()) {
            percents.add(Integer.parseInt(lines.group(3)));
        }
        assertTrue(percents.size() >= 10 && percents.iterator().next() < 20 && percents.contains(100),
                "a line every tenth: " + percents + "\n" + log.toString(StandardCharsets.UTF_8));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains(" left"), "with the time left");
    }

    private ObjectName componentName() throws Exception {
        Set<ObjectName> names = ManagementFactory.getPlatformMBeanServer().queryNames(
                new ObjectName("org.apache.camel:context=" + context.getManagementName() + ",type=components,name=\"bc\""), null);
        assertEquals(1, names.size(), "the component's MBean");
        return names.iterator().next();
    }

    private ObjectName endpointName(String uri) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> all = server.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                                   + ",type=endpoints,*"), null);
            String base = ((BcEndpoint) context.getEndpoint(uri)).getEndpointBaseUri();
            return all.stream().filter(name -> ObjectName.unquote(name.getKeyProperty("name")).startsWith(base))
                    .findFirst().orElseThrow(() -> new AssertionError("no MBean for " + base + " among " + all));
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object attribute(ObjectName name, String attribute) {
        try {
            return ManagementFactory.getPlatformMBeanServer().getAttribute(name, attribute);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + attribute + " of " + name + ": " + e, e);
        }
    }
}
