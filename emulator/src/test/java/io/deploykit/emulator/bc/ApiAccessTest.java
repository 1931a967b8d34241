package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.RunningEmulator;

/** Service roots, authentication, and the shape of errors. */
class ApiAccessTest {

    private static final Pattern CORRELATED = Pattern.compile(".* CorrelationId: ([0-9a-f-]{36})\\.");

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().tenant("tenant-1").environment("production").user("admin", "access-key")
                    .start());

    private static BcEmulator emulator;
    private static BcClient client;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
    }

    @Test
    void refusesARequestWithoutCredentialsLikeBusinessCentral() {
        Response response = get(emulator.serviceRootUrl() + "/api/v2.0/companies", null);

        assertEquals(401, response.status());
        assertEquals("Authentication_InvalidCredentials", response.errorCode());
        Matcher message = CORRELATED.matcher(response.errorMessage());
        assertTrue(message.matches(), response::toString);
        assertTrue(response.errorMessage().startsWith("The credentials provided are incorrect."), response::toString);
        assertEquals(message.group(1), response.header("request-id"));
        assertEquals(message.group(1), response.header("ms-correlation-x"));
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @Test
    void refusesATokenItDidNotIssue() {
        Response response = get(emulator.serviceRootUrl() + "/api/v2.0/companies", "Bearer made-up");

        assertEquals(401, response.status());
        assertEquals("Authentication_InvalidCredentials", response.errorCode());
        assertTrue(response.header("WWW-Authenticate").contains("error=\"invalid_token\""), response::toString);
    }

    @Test
    void takesTheTenantFromTheTokenWhenTheRootHasNone() {
        Response response = get(emulator.apiBaseUrl() + "/production/api/v2.0/companies", "Bearer " + client.token());

        assertEquals(200, response.status(), response::toString);
        assertEquals(2, response.json().get("value").size());
    }

    @Test
    void refusesATokenForAnotherTenant() {
        Response response = get(emulator.apiBaseUrl() + "/tenant-2/production/api/v2.0/companies",
                "Bearer " + client.token());

        assertEquals(401, response.status());
    }

    @Test
    void answersNotFoundForAnUnknownEnvironment() {
        Response response = get(emulator.apiBaseUrl() + "/tenant-1/sandbox/api/v2.0/companies",
                "Bearer " + client.token());

        assertEquals(404, response.status());
        assertEquals("BadRequest_NotFound", response.errorCode());
        assertTrue(response.errorMessage().contains("sandbox"), response::toString);
    }

    @Test
    void acceptsBasicAuthenticationForConfiguredUsersOnPremises() {
        String url = emulator.onPremisesRootUrl() + "/api/v2.0/companies";

        assertEquals(200, get(url, basic("admin", "access-key")).status());
        assertEquals(200, get(url, "Bearer " + client.token()).status());
        assertEquals(401, get(url, basic("admin", "wrong")).status());
        assertEquals(401, get(url, basic("nobody", "access-key")).status());
    }

    @Test
    void answersUnknownPathsAndMethodsWithODataErrors() {
        Response unknownPath = client.get("/api/v2.0/nothingHere");
        Response wrongMethod = client.delete("/api/v2.0/companies", "*");

        assertEquals(404, unknownPath.status());
        assertEquals("BadRequest_NotFound", unknownPath.errorCode());
        assertTrue(CORRELATED.matcher(unknownPath.errorMessage()).matches(), unknownPath::toString);
        assertEquals(405, wrongMethod.status());
        assertEquals("BadRequest_MethodNotAllowed", wrongMethod.errorCode());
    }

    private static Response get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return BcClient.send(request.build());
    }

    private static String basic(String user, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
