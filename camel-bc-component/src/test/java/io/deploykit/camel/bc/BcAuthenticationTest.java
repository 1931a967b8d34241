package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.error.AuthenticationException;
import io.deploykit.camel.core.error.NotFoundException;

/** Tokens: fetched once, shared, refreshed; refusals explained without secrets. */
class BcAuthenticationTest extends BcTestSupport {

    private static final String LIST = "bc:configurationPackage?operation=list";

    @Test
    void oneTokenServesManyRequestsAndEndpoints() throws Exception {
        long before = emulator.tokenRequestCount();
        for (int i = 0; i < 5; i++) {
            assertNull(send(LIST, null, null, null).getException());
            assertNull(send(LIST + "&maxRetries=" + (i + 1), null, null, null).getException(), "another endpoint");
        }
        List<CompletableFuture<Exchange>> parallel = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            parallel.add(template.asyncSend(LIST, exchange -> { }));
        }
        for (CompletableFuture<Exchange> exchange : parallel) {
            assertNull(exchange.get(10, TimeUnit.SECONDS).getException());
        }
        assertTrue(emulator.tokenRequestCount() - before <= 1, "at most one token for all of these");
    }

    @Test
    void aWrongSecretFailsWithEntrasWordsButNotTheSecret() {
        String wrong = "wrong-secret-9f8e7d";
        Exchange result = send(LIST + "&clientSecret=RAW(" + wrong + ")", null, null, null);
        AuthenticationException e = assertInstanceOf(AuthenticationException.class, failure(result));
        assertEquals("invalid_client", e.getErrorCode());
        assertFalse(e.getMessage().contains(wrong));
        assertFalse(e.getMessage().contains(CLIENT_SECRET));
    }

    @Test
    void aTokenObtainedElsewhereIsUsedAsItIs() throws Exception {
        String token = fetchToken();
        Exchange result = send(LIST + "&clientId=&clientSecret=&accessToken=RAW(" + token + ")", null, null, null);
        assertNull(result.getException());

        Exchange refused = send(LIST + "&clientId=&clientSecret=&accessToken=not-a-token", null, null, null);
        assertEquals(401, assertInstanceOf(AuthenticationException.class, failure(refused)).getStatusCode());
    }

    @Test
    void onPremisesServersTakeBasicCredentials() {
        String onPremises = LIST + "&baseUrl=" + emulator.onPremisesRootUrl()
                            + "&tenantId=&environment=&clientId=&clientSecret=&username=" + USER;
        long tokens = emulator.tokenRequestCount();

        assertNull(send(onPremises + "&password=RAW(" + USER_KEY + ")", null, null, null).getException());
        assertEquals(tokens, emulator.tokenRequestCount(), "Basic needs no token");

        Exchange refused = send(onPremises + "&password=RAW(not-the-key)", null, null, null);
        AuthenticationException e = assertInstanceOf(AuthenticationException.class, failure(refused));
        assertEquals(401, e.getStatusCode());
        assertFalse(e.getMessage().contains("not-the-key"));
    }

    @Test
    void anUnknownCompanyIsNamedInTheError() {
        Exchange result = send(LIST + "&companyName=RAW(No Such Company Ltd.)", null, null, null);
        NotFoundException e = assertInstanceOf(NotFoundException.class, failure(result));
        assertTrue(e.getMessage().contains("No Such Company Ltd."), e.getMessage());
    }

    @Test
    void theCompanyIdCanBeGivenDirectly() {
        Exchange result = send(LIST + "&companyName=&companyId=" + companyId(), null, null, null);
        assertNull(result.getException());
        assertEquals(companyId(), result.getMessage().getHeader(BcConstants.COMPANY_ID));
    }

    @Test
    void secretsAreMaskedInTheEndpointUriCamelShows() {
        String uri = LIST + "&clientSecret=RAW(visible-secret-1)&accessToken=RAW(visible-token-2)";
        String shown = context.getEndpoint(uri).toString();
        assertFalse(shown.contains("visible-secret-1"), shown);
        assertFalse(shown.contains("visible-token-2"), shown);
    }

    private String fetchToken() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret="
                      + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8) + "&scope="
                      + URLEncoder.encode(BcConfiguration.DEFAULT_SCOPE, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }
}
