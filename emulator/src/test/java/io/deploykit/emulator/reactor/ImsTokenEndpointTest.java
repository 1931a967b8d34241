package io.deploykit.emulator.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.Await;
import io.deploykit.emulator.RunningEmulator;

class ImsTokenEndpointTest {

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().client("client-1", "secret-1").client("client-2", "secret-2").start());

    private static ReactorEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
    }

    @Test
    void issuesABearerTokenToAConfiguredClient() {
        ApiResponse response = ReactorClient.requestToken(emulator, "client_credentials", "client-2", "secret-2");

        assertEquals(200, response.status(), response::toString);
        assertTrue(response.header("Content-Type").startsWith("application/json"));
        JsonNode token = response.json();
        assertEquals("bearer", token.get("token_type").asText());
        assertEquals(86_400, token.get("expires_in").asLong());
        ApiResponse api = ReactorClient.send(HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + "/extension_packages"))
                .header("Authorization", "Bearer " + token.get("access_token").asText())
                .header("Accept", ReactorClient.ACCEPT).build());
        assertEquals(200, api.status(), api::toString);
    }

    @Test
    void refusesAWrongSecretOrAnUnknownClient() {
        ApiResponse wrongSecret = ReactorClient.requestToken(emulator, "client_credentials", "client-1", "secret-2");
        ApiResponse noSecret = ReactorClient.requestToken(emulator, "client_credentials", "client-1", null);
        ApiResponse unknown = ReactorClient.requestToken(emulator, "client_credentials", "client-3", "secret-1");

        for (ApiResponse refused : new ApiResponse[] {wrongSecret, noSecret}) {
            assertEquals(401, refused.status(), refused::toString);
            assertEquals("invalid_client", refused.json().get("error").asText());
            assertEquals("invalid client_secret parameter", refused.json().get("error_description").asText());
        }
        assertEquals(401, unknown.status());
        assertEquals("invalid client_id parameter", unknown.json().get("error_description").asText());
    }

    @Test
    void refusesAnotherGrantAndMissingParameters() {
        ApiResponse password = ReactorClient.requestToken(emulator, "password", "client-1", "secret-1");
        ApiResponse noGrant = ReactorClient.requestToken(emulator, null, "client-1", "secret-1");
        ApiResponse noClient = ReactorClient.requestToken(emulator, "client_credentials", null, "secret-1");

        assertEquals(400, password.status());
        assertEquals("unsupported_grant_type", password.json().get("error").asText());
        assertEquals(400, noGrant.status());
        assertEquals("missing grant_type parameter", noGrant.json().get("error_description").asText());
        assertEquals(400, noClient.status());
        assertEquals("invalid_request", noClient.json().get("error").asText());
    }

    @Test
    void countsEveryTokenRequestRefusedOnesIncluded() {
        emulator.clearRequests();

        ReactorClient.requestToken(emulator, "client_credentials", "client-1", "secret-1");
        ReactorClient.requestToken(emulator, "client_credentials", "client-1", "wrong");

        assertEquals(2, emulator.tokenRequestCount());
        assertEquals(2, emulator.requests().size());
        assertEquals("application/x-www-form-urlencoded", emulator.requests().get(0).header("Content-Type"));
        assertEquals(401, emulator.requests().get(1).status());
    }

    @Test
    void aTokenIsRefusedOnceItsLifetimeHasPassed() {
        try (ReactorEmulator shortLived = ReactorEmulator.builder().tokenLifetime(Duration.ofSeconds(1)).start()) {
            ReactorClient client = new ReactorClient(shortLived);
            assertEquals(1, ReactorClient.requestToken(shortLived, "client_credentials",
                    ReactorEmulator.DEFAULT_CLIENT_ID, ReactorEmulator.DEFAULT_CLIENT_SECRET).json()
                    .get("expires_in").asInt());
            assertEquals(200, client.get("/extension_packages").status());

            ApiResponse expired = Await.until(() -> client.get("/extension_packages"), r -> r.status() == 401,
                    Duration.ofSeconds(5));

            assertEquals(401, expired.status(), expired::toString);
            assertEquals("oauth-token-invalid", expired.errorCode());
            assertEquals("Oauth token is not valid", expired.error().get("title").asText(),
                    "the same answer as for any other token Reactor refuses");
            client.forgetToken();
            assertEquals(200, client.get("/extension_packages").status());
        }
    }
}
