package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.Await;
import io.deploykit.emulator.RunningEmulator;

class TokenEndpointTest {

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().tenant("tenant-1").environment("production")
                    .client("client-1", "secret-1").client("client-2", "secret-2")
                    .tokenLifetime(Duration.ofMinutes(60)).start());

    private static BcEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
    }

    @Test
    void issuesABearerTokenForTheRightSecret() {
        Response response = BcClient.requestToken(emulator, "client-1", "secret-1", "client_credentials");

        assertEquals(200, response.status(), response::toString);
        JsonNode json = response.json();
        assertEquals("Bearer", json.get("token_type").asText());
        assertEquals(3600, json.get("expires_in").asInt());
        assertEquals(3600, json.get("ext_expires_in").asInt());
        assertTrue(json.get("access_token").asText().length() >= 32, json::toString);
        assertEquals("no-store, no-cache", response.header("Cache-Control"));
        String other = BcClient.requestToken(emulator, "client-2", "secret-2", "client_credentials").json()
                .get("access_token").asText();
        assertNotEquals(json.get("access_token").asText(), other);
    }

    @Test
    void refusesAWrongSecretLikeEntra() {
        Response response = BcClient.requestToken(emulator, "client-1", "secret-2", "client_credentials");

        assertEquals(401, response.status());
        JsonNode json = response.json();
        assertEquals("invalid_client", json.get("error").asText());
        assertTrue(json.get("error_description").asText().startsWith("AADSTS7000215: Invalid client secret provided."),
                json::toString);
        assertEquals(7000215, json.get("error_codes").get(0).asInt());
        assertFalse(json.get("correlation_id").asText().isEmpty());
        assertFalse(json.has("access_token"));
    }

    @Test
    void refusesAnUnknownClient() {
        Response response = BcClient.requestToken(emulator, "nobody", "secret-1", "client_credentials");

        assertEquals(401, response.status());
        assertEquals("invalid_client", response.json().get("error").asText());
        assertTrue(response.json().get("error_description").asText().startsWith("AADSTS700016:"), response::toString);
    }

    @Test
    void refusesAnotherGrantType() {
        Response response = BcClient.requestToken(emulator, "client-1", "secret-1", "password");

        assertEquals(400, response.status());
        assertEquals("unsupported_grant_type", response.json().get("error").asText());
    }

    @Test
    void requiresAScopeEndingInDefault() {
        Response missing = post(emulator.tokenUrl(), "grant_type=client_credentials&client_id=client-1"
                                                     + "&client_secret=secret-1");
        Response notDefault = post(emulator.tokenUrl(), "grant_type=client_credentials&client_id=client-1"
                                                        + "&client_secret=secret-1&scope=https%3A%2F%2Fexample.com");

        assertEquals(400, missing.status());
        assertEquals("invalid_request", missing.json().get("error").asText());
        assertTrue(missing.json().get("error_description").asText().contains("'scope'"), missing::toString);
        assertEquals(400, notDefault.status());
        assertEquals("invalid_scope", notDefault.json().get("error").asText());
    }

    @Test
    void knowsOnlyItsTenant() {
        Response response = post(emulator.baseUrl() + "/other-tenant/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id=client-1&client_secret=secret-1&scope=x%2F.default");

        assertEquals(400, response.status());
        assertTrue(response.json().get("error_description").asText().startsWith("AADSTS90002:"), response::toString);
    }

    @Test
    void countsTokenRequestsRefusedOnesIncluded() {
        long before = emulator.tokenRequestCount();

        BcClient.requestToken(emulator, "client-1", "secret-1", "client_credentials");
        BcClient.requestToken(emulator, "client-1", "wrong", "client_credentials");

        assertEquals(before + 2, emulator.tokenRequestCount());
    }

    @Test
    void tokensExpireAfterTheirLifetime() {
        try (BcEmulator shortLived = BcEmulator.builder().tokenLifetime(Duration.ofSeconds(1)).start()) {
            BcClient client = new BcClient(shortLived);
            Response fresh = BcClient.requestToken(shortLived, BcEmulator.DEFAULT_CLIENT_ID,
                    BcEmulator.DEFAULT_CLIENT_SECRET, "client_credentials");
            assertEquals(1, fresh.json().get("expires_in").asInt());
            assertEquals(200, client.get("/api/v2.0/companies").status());

            Response afterwards = Await.until(() -> client.get("/api/v2.0/companies"),
                    response -> response.status() != 200, Duration.ofSeconds(5));

            assertEquals(401, afterwards.status());
            assertTrue(afterwards.header("WWW-Authenticate").contains("expired"), afterwards.headers()::toString);
            client.forgetToken();
            assertEquals(200, client.get("/api/v2.0/companies").status());
        }
    }

    private static Response post(String url, String form) {
        return BcClient.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)).build());
    }
}
