package io.deploykit.benchmarks.measuredjvm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;

import io.deploykit.benchmarks.support.EmulatorAdmin;

/**
 * The deploy as a user writes it today without the bc: component: camel-http calls in a route, with a polling loop
 * per job. Benchmark 4 compares it with {@code bc:configurationPackage?operation=deploy}. The file comes as a File
 * body with its package code in header {@value #CODE}.
 */
final class HandWrittenDeployRoute extends RouteBuilder {

    static final String FROM = "direct:handWritten";
    static final String CODE = "PackageCode";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every call goes to this endpoint; the URL comes from header CamelHttpUri, as users do for dynamic URLs. */
    private static final String HTTP = "http://bc-emulator?throwExceptionOnFailure=true";

    private final EmulatorAdmin emulator;
    private final long pollMillis;

    HandWrittenDeployRoute(EmulatorAdmin emulator, long pollMillis) {
        this.emulator = emulator;
        this.pollMillis = pollMillis;
    }

    @Override
    public void configure() {
        String packages = emulator.bcServiceRoot() + "/api/microsoft/automation/v2.0/companies(${exchangeProperty.company})"
                          + "/configurationPackages";
        ProcessorDefinition<?> route = from(FROM)
                .setProperty("file", body())
                .setProperty("code", header(CODE))
                // 1. a token
                .process(e -> request(e, "POST", emulator.bcTokenUrl(), "application/x-www-form-urlencoded",
                        "grant_type=client_credentials&client_id=" + encode(EmulatorAdmin.CLIENT_ID) + "&client_secret="
                        + encode(EmulatorAdmin.CLIENT_SECRET) + "&scope="
                        + encode("https://api.businesscentral.dynamics.com/.default")))
                .to(HTTP)
                .process(e -> e.setProperty("auth", "Bearer " + json(e).path("access_token").asText()))
                // 2. the company's id
                .process(e -> request(e, "GET", emulator.bcServiceRoot() + "/api/v2.0/companies?$filter="
                        + encode("name eq '" + EmulatorAdmin.COMPANY + "'"), null, null))
                .to(HTTP)
                .process(e -> e.setProperty("company", json(e).path("value").path(0).path("id").asText()))
                // 3. the package with the file's code, deleted when there is one
                .process(e -> request(e, "GET", resolve(e, packages) + "?$filter="
                        + encode("code eq '" + e.getProperty("code") + "'"), null, null))
                .to(HTTP)
                .process(e -> e.setProperty("existing", json(e).path("value").path(0).path("id").asText(null)))
                .filter(exchangeProperty("existing").isNotNull())
                    .process(e -> request(e, "DELETE", resolve(e, packages) + "(" + e.getProperty("existing") + ")",
                            null, null))
                    .setHeader("If-Match", constant("*"))
                    .to(HTTP)
                .end()
                // 4. a new package, and its file
                .process(e -> request(e, "POST", resolve(e, packages), "application/json", JSON.createObjectNode()
                        .put("code", e.getProperty("code", String.class))
                        .put("packageName", e.getProperty("code", String.class)).toString()))
                .to(HTTP)
                .process(e -> e.setProperty("package", json(e).path("id").asText()))
                .process(e -> {
                    request(e, "PATCH", resolve(e, packages) + "(" + e.getProperty("package") + ")/file('"
                            + encode(e.getProperty("code", String.class)) + "')/content", "application/octet-stream", null);
                    e.getMessage().setBody(e.getProperty("file")); // a File: camel-http streams it
                    e.getMessage().setHeader("If-Match", "*");
                })
                .to(HTTP);
        awaitedJob(route, packages, "import", "importStatus"); // 5. import, then poll until it ends
        awaitedJob(route, packages, "apply", "applyStatus");   // 6. apply, then poll until it ends
    }

    /** Starts the package's job (Microsoft.NAV.import or .apply) and polls its status field until it ends. */
    private void awaitedJob(ProcessorDefinition<?> route, String packages, String job, String statusField) {
        route.process(e -> request(e, "POST", resolve(e, packages) + "(" + e.getProperty("package")
                        + ")/Microsoft.NAV." + job, null, null))
                .to(HTTP)
                .removeProperty("status")
                .loopDoWhile(HandWrittenDeployRoute::running)
                    .delay(pollMillis) // delay is a block: the poll runs inside it, after the wait
                        .process(e -> request(e, "GET", resolve(e, packages) + "(" + e.getProperty("package") + ")",
                                null, null))
                        .to(HTTP)
                        .process(e -> e.setProperty("status", json(e).path(statusField).asText()))
                    .end()
                .end()
                .filter(exchangeProperty("status").isEqualTo("Error"))
                    .throwException(IllegalStateException.class, "The " + job + " failed")
                .end();
    }

    /** Whether the job polled last is still running: neither Completed nor Error (nor polled yet). */
    private static boolean running(Exchange e) {
        String status = e.getProperty("status", String.class);
        return !"Completed".equals(status) && !"Error".equals(status);
    }

    /** Clears the previous call's headers (camel-http would send them) and sets this call's. */
    private static void request(Exchange e, String method, String url, String contentType, String body) {
        var message = e.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, method);
        message.setHeader(Exchange.HTTP_URI, url);
        message.setHeader("Accept", "application/json");
        if (contentType != null) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        if (e.getProperty("auth") != null) {
            message.setHeader("Authorization", e.getProperty("auth"));
        }
        message.setBody(body);
    }

    private static String resolve(Exchange e, String template) {
        return template.replace("${exchangeProperty.company}", e.getProperty("company", String.class));
    }

    private static JsonNode json(Exchange e) throws java.io.IOException {
        return JSON.readTree(e.getMessage().getBody(String.class));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
