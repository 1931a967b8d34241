package io.deploykit.emulator.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.http.RecordedRequest;

/** Authorization and Accept are required; x-api-key and x-gw-ims-org-id are not, but are recorded. */
class ApiAccessTest {

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().start());

    private static ReactorEmulator emulator;
    private static ReactorClient client;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new ReactorClient(emulator);
    }

    @Test
    void aRequestWithoutATokenGetsAJsonApiError() {
        ApiResponse response = ReactorClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                + "/extension_packages")).header("Accept", ReactorClient.ACCEPT).build());

        assertEquals(401, response.status());
        assertEquals("application/vnd.api+json", response.header("Content-Type"));
        JsonNode error = response.error();
        assertEquals("401", error.get("status").asText());
        assertEquals("oauth-token-invalid", error.get("code").asText());
        assertEquals("Oauth token is not valid", error.get("title").asText());
        assertEquals(response.header("x-request-id"), error.path("meta").path("request_id").asText());
        // as Reactor answers it: status, code, title and meta, nothing more
        List<String> members = new ArrayList<>();
        error.fieldNames().forEachRemaining(members::add);
        assertEquals(List.of("status", "code", "title", "meta"), members);
    }

    @Test
    void aTokenIMSDidNotIssueOrAnotherSchemeIsRefused() {
        for (String authorization : List.of("Bearer not-a-token", "Basic dXNlcjpwYXNz", "Bearer")) {
            ApiResponse response = ReactorClient.send(client.request("/extension_packages")
                    .setHeader("Authorization", authorization).build());
            assertEquals(401, response.status(), authorization);
            assertEquals("oauth-token-invalid", response.errorCode());
        }
    }

    @Test
    void theAcceptHeaderMustAskForRevision1() {
        assertEquals(200, client.get("/extension_packages", "application/vnd.api+json; revision=1").status());
        for (String accept : List.of("application/json", "application/vnd.api+json",
                "application/vnd.api+json;revision=2")) {
            ApiResponse response = client.get("/extension_packages", accept);
            assertEquals(406, response.status(), accept);
            assertEquals("not-acceptable", response.errorCode());
        }
        ApiResponse none = ReactorClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                + "/extension_packages")).header("Authorization", "Bearer " + client.token()).build());
        assertEquals(406, none.status());
        assertTrue(none.error().get("detail").asText().contains("no Accept header"), none::toString);
    }

    @Test
    void theApiKeyAndOrganizationAreOptionalButRecorded() {
        emulator.clearRequests();
        ApiResponse bare = ReactorClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                        + "/extension_packages?page%5Bsize%5D=1"))
                .header("Authorization", "Bearer " + client.token()).header("Accept", ReactorClient.ACCEPT).build());
        ApiResponse full = client.get("/extension_packages");

        assertEquals(200, bare.status());
        assertEquals(200, full.status());
        List<RecordedRequest> requests = emulator.requests();
        assertEquals(2, requests.size());
        assertNull(requests.get(0).header("x-api-key"));
        assertEquals("page%5Bsize%5D=1", requests.get(0).query());
        assertEquals(ReactorClient.API_KEY, requests.get(1).header("X-Api-Key"));
        assertEquals(ReactorClient.ORG, requests.get(1).header("x-gw-ims-org-id"));
        assertEquals(ReactorClient.ACCEPT, requests.get(1).header("accept"));
        assertEquals("/extension_packages", requests.get(1).pathAndQuery());
        assertEquals(2, emulator.requestCount("packages.list"));
    }

    @Test
    void unknownPathsMethodsAndIdsGetJsonApiErrors() {
        ApiResponse path = client.get("/properties");
        ApiResponse method = ReactorClient.send(client.request("/extension_packages")
                .PUT(BodyPublishers.noBody()).build());
        ApiResponse id = client.get("/extension_packages/EP00000000000000000000000000000000");

        assertEquals(404, path.status());
        assertEquals("not-found", path.errorCode());
        assertEquals(405, method.status());
        assertEquals("method-not-allowed", method.errorCode());
        assertEquals(404, id.status());
        assertEquals("/data/id", id.error().path("source").path("pointer").asText());
    }
}
