package io.deploykit.emulator.reactor;

import static io.deploykit.emulator.TestHttp.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.emulator.Await;
import io.deploykit.emulator.TestHttp;

/** Talks to a {@link ReactorEmulator} over real HTTP, as a client of the Reactor API would. */
public final class ReactorClient {

    static final String ACCEPT = "application/vnd.api+json;revision=1";
    static final String API_KEY = "test-api-key";
    static final String ORG = "0123456789ABCDEF01234567@AdobeOrg";

    private final ReactorEmulator emulator;
    private String token;

    public ReactorClient(ReactorEmulator emulator) {
        this.emulator = emulator;
    }

    /** Asks IMS for a token; the form values are URL-encoded here, null ones left out. */
    static ApiResponse requestToken(ReactorEmulator emulator, String grantType, String clientId, String secret) {
        StringBuilder form = new StringBuilder("scope=" + encode(ReactorEmulator.SCOPE));
        append(form, "grant_type", grantType);
        append(form, "client_id", clientId);
        append(form, "client_secret", secret);
        return send(HttpRequest.newBuilder(URI.create(emulator.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form.toString())).build());
    }

    private static void append(StringBuilder form, String name, String value) {
        if (value != null) {
            form.append('&').append(name).append('=').append(encode(value));
        }
    }

    /** A token of the default client, fetched once. */
    String token() {
        if (token == null) {
            ApiResponse response = requestToken(emulator, "client_credentials", ReactorEmulator.DEFAULT_CLIENT_ID,
                    ReactorEmulator.DEFAULT_CLIENT_SECRET);
            assertEquals(200, response.status(), response::toString);
            token = response.json().get("access_token").asText();
        }
        return token;
    }

    /** Forgets the token, so that the next call fetches a new one. */
    void forgetToken() {
        token = null;
    }

    /** A request with every header Adobe documents, to a path of the API. */
    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token())
                .header("Accept", ACCEPT)
                .header("x-api-key", API_KEY)
                .header("x-gw-ims-org-id", ORG)
                .timeout(Duration.ofSeconds(60));
    }

    ApiResponse get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    ApiResponse get(String pathAndQuery, String accept) {
        return send(request(pathAndQuery).setHeader("Accept", accept).GET().build());
    }

    /** {@code POST /extension_packages} with the zip as the multipart part {@code package}. */
    ApiResponse create(Path zip) {
        return sendZip("POST", "/extension_packages", zip);
    }

    /** {@code PATCH /extension_packages/{id}} with a new zip. */
    ApiResponse update(String id, Path zip) {
        return sendZip("PATCH", "/extension_packages/" + id, zip);
    }

    ApiResponse sendZip(String method, String path, Path zip) {
        Multipart body = Multipart.of("package", zip);
        return send(request(path).header("Content-Type", body.contentType()).method(method, body.publisher())
                .build());
    }

    /** A PATCH with a JSON:API document. */
    ApiResponse patchDocument(String id, String document) {
        return send(request("/extension_packages/" + id).header("Content-Type", "application/vnd.api+json")
                .method("PATCH", BodyPublishers.ofString(document)).build());
    }

    ApiResponse action(String id, String action) {
        return patchDocument(id, "{\"data\":{\"id\":\"" + id + "\",\"type\":\"extension_packages\",\"meta\":{"
                                 + "\"action\":\"" + action + "\"}}}");
    }

    ApiResponse delete(String id) {
        return send(request("/extension_packages/" + id).DELETE().build());
    }

    /** Creates a package and checks that it was accepted; its id. */
    public String created(Path zip) {
        ApiResponse response = create(zip);
        assertEquals(201, response.status(), response::toString);
        return response.data().get("id").asText();
    }

    JsonNode getPackage(String id) {
        ApiResponse response = get("/extension_packages/" + id);
        assertEquals(200, response.status(), response::toString);
        return response.data();
    }

    /** Polls the package until its processing ends; fails with its last state after the timeout. */
    public JsonNode awaitProcessed(String id) {
        return awaitPackage(id, pkg -> !"pending".equals(status(pkg)));
    }

    JsonNode awaitPackage(String id, Predicate<JsonNode> condition) {
        JsonNode pkg = Await.until(() -> getPackage(id), condition, Duration.ofSeconds(10));
        assertTrue(condition.test(pkg), () -> "The package never reached the expected state; it is " + pkg);
        return pkg;
    }

    static String status(JsonNode resource) {
        return resource.path("attributes").path("status").asText();
    }

    static ApiResponse send(HttpRequest request) {
        var response = TestHttp.send(request);
        return new ApiResponse(response.statusCode(), response.headers(), response.body());
    }

    /** A one-file multipart/form-data body, streamed from the file. */
    record Multipart(String contentType, BodyPublisher publisher) {

        static Multipart of(String partName, Path file) {
            String boundary = "test-" + UUID.randomUUID();
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName
                          + "\"; filename=\"" + file.getFileName() + "\"\r\nContent-Type: application/zip\r\n\r\n";
            String tail = "\r\n--" + boundary + "--\r\n";
            try {
                return new Multipart("multipart/form-data; boundary=" + boundary, BodyPublishers.concat(
                        BodyPublishers.ofString(head), BodyPublishers.ofFile(file), BodyPublishers.ofString(tail)));
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
