package io.deploykit.benchmarks.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * Plain HTTP to a running emulator: its administration endpoints (request counts), and the few API calls the
 * harness makes itself (tokens and set-up for curl, clean-up between runs). Never measured.
 */
public final class EmulatorAdmin {

    public static final String TENANT = BcEmulator.DEFAULT_TENANT;
    public static final String ENVIRONMENT = BcEmulator.DEFAULT_ENVIRONMENT;
    public static final String CLIENT_ID = BcEmulator.DEFAULT_CLIENT_ID;
    public static final String CLIENT_SECRET = BcEmulator.DEFAULT_CLIENT_SECRET;
    public static final String COMPANY = "CRONUS USA, Inc.";
    public static final String ORG_ID = ReactorEmulator.DEFAULT_ORG_ID;
    public static final String REACTOR_ACCEPT = "application/vnd.api+json;revision=1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String baseUrl;

    public EmulatorAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return baseUrl;
    }

    /** The bc: component's baseUrl option. */
    public String bcApiBaseUrl() {
        return baseUrl + "/v2.0";
    }

    public String bcServiceRoot() {
        return bcApiBaseUrl() + "/" + TENANT + "/" + ENVIRONMENT;
    }

    public String bcTokenUrl() {
        return baseUrl + "/" + TENANT + "/oauth2/v2.0/token";
    }

    public String reactorTokenUrl() {
        return baseUrl + "/ims/token/v3";
    }

    public void clearRequests() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/requests")).DELETE(), 204);
    }

    /** Requests per route since the log was last cleared. */
    public Map<String, Long> requestCounts() throws IOException, InterruptedException {
        JsonNode counts = requestLog().path("counts");
        Map<String, Long> map = new HashMap<>();
        counts.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asLong()));
        return map;
    }

    /** When the logged requests of this route arrived, in order. */
    public List<java.time.Instant> requestTimes(String route) throws IOException, InterruptedException {
        List<java.time.Instant> times = new java.util.ArrayList<>();
        for (JsonNode request : requestLog().path("value")) {
            if (route.equals(request.path("route").asText())) {
                times.add(java.time.Instant.parse(request.path("time").asText()));
            }
        }
        times.sort(null);
        return times;
    }

    /** How many logged requests were answered with this status. */
    public long requestsAnswered(int status) throws IOException, InterruptedException {
        long count = 0;
        for (JsonNode request : requestLog().path("value")) {
            if (request.path("status").asInt() == status) {
                count++;
            }
        }
        return count;
    }

    /**
     * The requests Business Central's operational limits refused since the start, by limit: {@code queueFull}
     * (more than 5 processed and 95 queued at once), {@code windowExceeded} (over 6000 in 5 minutes),
     * {@code queueTimedOut}.
     */
    public Map<String, Long> refusedByLimits() throws IOException, InterruptedException {
        JsonNode refused = JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/bc/limits")).GET(), 200))
                .path("refused");
        Map<String, Long> map = new java.util.TreeMap<>();
        refused.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asLong()));
        return map;
    }

    /** The CPU time the emulator's process has used so far, in milliseconds. */
    public long processCpuMillis() throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/process")).GET(), 200))
                .path("cpuMillis").asLong();
    }

    private JsonNode requestLog() throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/requests")).GET(), 200));
    }

    /** How long the emulated admin center API takes for an app install (PUT /_emulator/bc/apps). */
    public void setAppOperationMillis(long millis) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/bc/apps"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"operationMillis\":" + millis + "}")), 204);
    }

    /** Adds a company, with the demo records, to an environment of the emulated tenant. */
    public void addCompany(String environment, String name) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/bc/environments/" + environment + "/companies"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("name", name).toString())), 201);
    }

    /** A Business Central access token, as curl sends it. */
    public String bcToken() throws IOException, InterruptedException {
        return token(bcTokenUrl(), "https://api.businesscentral.dynamics.com/.default");
    }

    /** An Adobe IMS access token, as curl sends it. */
    public String reactorToken() throws IOException, InterruptedException {
        return token(reactorTokenUrl(), "AdobeID,openid");
    }

    private String token(String url, String scope) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + encode(CLIENT_ID) + "&client_secret="
                      + encode(CLIENT_SECRET) + "&scope=" + encode(scope);
        String body = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        return JSON.readTree(body).path("access_token").asText();
    }

    /** Creates a configuration package and returns its id, for curl to upload into. */
    public String createBcPackage(String token, String companyId, String code) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("code", code).put("packageName", code).toString();
        String created = send(HttpRequest.newBuilder(URI.create(bcPackagesUrl(companyId)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
        return JSON.readTree(created).path("id").asText();
    }

    public String bcPackagesUrl(String companyId) {
        return bcServiceRoot() + "/api/microsoft/automation/v2.0/companies(" + companyId + ")/configurationPackages";
    }

    /** Deletes every extension package, so that the next run can create its development package again. */
    public void deleteReactorPackages(String token) throws IOException, InterruptedException {
        String list = send(reactorRequest(token, "/extension_packages").GET(), 200);
        for (JsonNode pkg : JSON.readTree(list).path("data")) {
            send(reactorRequest(token, "/extension_packages/" + pkg.path("id").asText()).DELETE(), 204);
        }
    }

    private HttpRequest.Builder reactorRequest(String token, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", REACTOR_ACCEPT)
                .header("x-api-key", CLIENT_ID)
                .header("x-gw-ims-org-id", ORG_ID);
    }

    private static String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(response.request().method() + " " + response.request().uri() + " answered "
                                  + response.statusCode() + " (expected " + expected + "): " + response.body());
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
