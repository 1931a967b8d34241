package io.deploykit.emulator.bc;

import static io.deploykit.emulator.TestHttp.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.emulator.Await;
import io.deploykit.emulator.TestHttp;

/** Talks to a {@link BcEmulator} over real HTTP, as a client of Business Central would. */
final class BcClient {

    private final BcEmulator emulator;
    private String token;

    BcClient(BcEmulator emulator) {
        this.emulator = emulator;
    }

    /** Asks the token endpoint; the form values are URL-encoded here. */
    static Response requestToken(BcEmulator emulator, String clientId, String secret, String grantType) {
        String form = "grant_type=" + encode(grantType) + "&client_id=" + encode(clientId) + "&client_secret="
                      + encode(secret) + "&scope=" + encode(BcEmulator.SCOPE);
        return send(HttpRequest.newBuilder(URI.create(emulator.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)).build());
    }

    /** A token of the default client, fetched once. */
    String token() {
        if (token == null) {
            Response response = requestToken(emulator, BcEmulator.DEFAULT_CLIENT_ID, BcEmulator.DEFAULT_CLIENT_SECRET,
                    "client_credentials");
            assertEquals(200, response.status(), response::toString);
            token = response.json().get("access_token").asText();
        }
        return token;
    }

    /** Forgets the token, so that the next call fetches a new one. */
    void forgetToken() {
        token = null;
    }

    Response get(String path) {
        return send(authorized(path).GET().build());
    }

    Response post(String path, String json) {
        return send(authorized(path).header("Content-Type", "application/json")
                .POST(json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)).build());
    }

    Response patch(String path, BodyPublisher body, String contentType, String ifMatch) {
        HttpRequest.Builder request = authorized(path).header("Content-Type", contentType).method("PATCH", body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    Response patch(String path, byte[] body, String ifMatch) {
        return patch(path, BodyPublishers.ofByteArray(body), "application/octet-stream", ifMatch);
    }

    Response delete(String path, String ifMatch) {
        HttpRequest.Builder request = authorized(path).DELETE();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    /** A request with the default client's token to a path under the online service root. */
    HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(emulator.serviceRootUrl() + path))
                .header("Authorization", "Bearer " + token()).timeout(Duration.ofSeconds(30));
    }

    static Response send(HttpRequest request) {
        var response = TestHttp.send(request);
        return new Response(response.statusCode(), response.headers(), response.body());
    }

    // configuration packages

    static String packages(String companyId) {
        return "/api/microsoft/automation/v2.0/companies(" + companyId + ")/configurationPackages";
    }

    static String pkg(String companyId, String packageId) {
        return packages(companyId) + "(" + packageId + ")";
    }

    JsonNode createPackage(String companyId, String code) {
        Response response = post(packages(companyId),
                "{\"code\":\"" + code + "\",\"packageName\":\"Test " + code + "\"}");
        assertEquals(201, response.status(), response::toString);
        return response.json();
    }

    void upload(String companyId, JsonNode pkg, byte[] file) {
        Response response = patch(pkg(companyId, pkg.get("id").asText()) + "/file('" + pkg.get("code").asText()
                                  + "')/content", file, "*");
        assertEquals(204, response.status(), response::toString);
    }

    JsonNode getPackage(String companyId, String packageId) {
        Response response = get(pkg(companyId, packageId));
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    Response action(String companyId, String packageId, String action) {
        return post(pkg(companyId, packageId) + "/Microsoft.NAV." + action, null);
    }

    /** Polls the package until it satisfies the condition; fails with its last state after the timeout. */
    JsonNode awaitPackage(String companyId, String packageId, Predicate<JsonNode> condition) {
        JsonNode pkg = Await.until(() -> getPackage(companyId, packageId), condition, Duration.ofSeconds(10));
        assertTrue(condition.test(pkg), () -> "The package never reached the expected state; it is " + pkg);
        return pkg;
    }

    static Predicate<JsonNode> status(String property, String value) {
        return pkg -> value.equals(pkg.get(property).asText());
    }
}
