package io.deploykit.camel.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.test.OperableContextSupport;
import io.deploykit.emulator.reactor.ExtensionZips;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * What an operator sees of the reactor: component, against a real emulator over HTTP: the producer health check
 * (one page of one package; DOWN with IMS's reason and no secret), the dev console with the waits for processing by
 * organisation, and the component's JMX attributes.
 */
class ReactorOperabilityTest extends OperableContextSupport {

    private static final String CLIENT_ID = "ops-reactor";
    private static final String SECRET = "ops-reactor-secret-never-shown";
    private static final String ORG = "0123456789ABCDEF@AdobeOrg";

    private static ReactorEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = ReactorEmulator.builder().port(0).client(CLIENT_ID, SECRET).processingTime(Duration.ofMillis(400)).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    private void start(String secret) throws Exception {
        ReactorComponent reactor = new ReactorComponent();
        ReactorConfiguration config = reactor.getConfiguration();
        config.setBaseUrl(emulator.baseUrl());
        config.setTokenUrl(emulator.tokenUrl());
        config.setClientId(CLIENT_ID);
        config.setClientSecret(secret);
        config.setImsOrgId(ORG);
        config.setPollInterval(50);
        start("reactor", reactor, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").to("reactor:extensionPackage?operation=upload");
            }
        });
    }

    private HealthCheck.Result health() {
        List<HealthCheck.Result> results = HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:reactor-")).toList();
        assertEquals(1, results.size());
        return results.get(0);
    }

    @Test
    void theHealthCheckReadsOnePageOfOnePackage() throws Exception {
        start(SECRET);
        emulator.clearRequests();
        HealthCheck.Result result = health();
        assertEquals(HealthCheck.State.UP, result.getState(), () -> String.valueOf(result.getDetails()));
        assertEquals(1, emulator.requestCount("ims.token"));
        assertEquals(1, emulator.requestCount("packages.list"));
        String query = emulator.requests().stream().filter(r -> "packages.list".equals(r.route())).findFirst().orElseThrow().query();
        assertTrue(query.contains("page%5Bsize%5D=1") || query.contains("page[size]=1"), "one page of one: " + query);
    }

    @Test
    void aWrongSecretIsDownWithImsReasonAndNoSecret() throws Exception {
        String wrong = "wrong-reactor-secret";
        start(wrong);
        HealthCheck.Result result = health();
        assertEquals(HealthCheck.State.DOWN, result.getState());
        String reason = String.valueOf(result.getDetails().get("reason"));
        assertTrue(reason.contains("invalid_client") && reason.contains("client_secret"), reason);
        assertFalse((result.getDetails() + " " + result.getError()).contains(wrong));
    }

    @Test
    void anUploadShowsInTheConsoleByOrganisationAndInJmx() throws Exception {
        start(SECRET);
        Path zip = ExtensionZips.write(dir.resolve("ops-ext.zip"), "ops-ext", "1.0.0", "web");
        var sent = context.createProducerTemplate().asyncSend("direct:upload", e -> e.getMessage().setBody(zip.toFile()));

        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class).resolveById("reactor");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, Object> waiting = null;
        while (waiting == null && System.nanoTime() < deadline) {
            Map<String, Object> json = json(console);
            @SuppressWarnings("unchecked")
            Map<String, Object> byCompany = (Map<String, Object>) ((Map<String, Object>) json.get("waits")).get("byCompany");
            if (byCompany.containsKey(ORG)) {
                waiting = json;
            }
            Thread.sleep(10);
        }
        assertTrue(waiting != null, "the wait for processing shows under its organisation");
        @SuppressWarnings("unchecked")
        Map<String, Object> inFlight = ((List<Map<String, Object>>) waiting.get("deploysInFlight")).get(0);
        assertEquals("ops-ext.zip", inFlight.get("what"));
        assertEquals("processing", inFlight.get("step"));

        Exchange done = sent.get();
        assertNull(done.getException());
        @SuppressWarnings("unchecked")
        Map<String, Object> last = ((List<Map<String, Object>>) json(console).get("lastDeploys")).get(0);
        assertEquals("extensionPackage.upload", last.get("operation"));
        assertEquals("success", last.get("outcome"));

        ObjectName component = new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                              + ",type=components,name=\"reactor\"");
        var server = ManagementFactory.getPlatformMBeanServer();
        assertEquals(1L, server.getAttribute(component, "DeploysSucceeded"));
        assertEquals(1L, server.getAttribute(component, "JobWaits"));
        assertTrue((Long) server.getAttribute(component, "BytesUploaded") >= Files.size(zip));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(DevConsole console) {
        return (Map<String, Object>) ((Map<String, Object>) console.call(DevConsole.MediaType.JSON)).get("reactor");
    }
}
