package io.deploykit.camel.reactor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.util.ObjectHelper;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.net.PercentCodec;

import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.camel.core.http.ApiClient;
import io.deploykit.camel.core.http.HttpCall;
import io.deploykit.camel.core.http.HttpResult;
import io.deploykit.camel.core.http.RequestBody;
import io.deploykit.camel.core.json.ApiJson;
import io.deploykit.camel.reactor.model.ExtensionPackage;
import io.deploykit.camel.reactor.model.ReactorError;

/** The Reactor API requests the component makes, one method each, with the headers Adobe asks for. */
final class ReactorApi {

    static final String ACCEPT = "application/vnd.api+json;revision=1";
    static final ContentType JSON_API = ContentType.create("application/vnd.api+json");
    private static final ContentType ZIP = ContentType.create("application/zip");
    private static final int PAGE_SIZE = 100;

    private final ApiClient client;
    private final String base;
    private final String apiKey;
    private final String imsOrgId;

    ReactorApi(ApiClient client, String baseUrl, String apiKey, String imsOrgId) {
        this.client = client;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.imsOrgId = imsOrgId;
    }

    CompletableFuture<ExtensionPackage> get(String id) {
        return get(id, null);
    }

    /** The package; {@code deadline} (or null) bounds the retries, as when a wait polls it. */
    CompletableFuture<ExtensionPackage> get(String id, Instant deadline) {
        return client.send(call(HttpCall.get(packages("/" + encode(id))).until(deadline)).accepting(404)).thenApply(result -> {
            if (result.status() == 404) {
                throw new NotFoundException("No extension package with id " + id);
            }
            return document(result);
        });
    }

    /** Every package matching {@code filters} (attribute to {@code OP value}), following the pages. */
    CompletableFuture<List<ExtensionPackage>> list(Map<String, String> filters) {
        List<ExtensionPackage> all = new ArrayList<>();
        return page(filters, 1, all, p -> false).thenApply(found -> all);
    }

    /**
     * The development package of this name and platform. The attributes are checked here too, because the API
     * silently ignores a filter it cannot parse and then answers with every package.
     */
    CompletableFuture<Optional<ExtensionPackage>> findDevelopment(String name, String platform) {
        Map<String, String> filters = Map.of("name", "EQ " + name, "platform", "EQ " + platform,
                "availability", "EQ " + ExtensionPackage.DEVELOPMENT);
        List<ExtensionPackage> seen = new ArrayList<>();
        return page(filters, 1, seen, p -> isDevelopmentOf(p, name, platform))
                .thenApply(found -> seen.stream().filter(p -> isDevelopmentOf(p, name, platform)).findFirst());
    }

    private static boolean isDevelopmentOf(ExtensionPackage p, String name, String platform) {
        return name.equals(p.getName()) && platform.equals(p.getPlatform())
               && ExtensionPackage.DEVELOPMENT.equals(p.getAvailability());
    }

    /** Reads page {@code number} into {@code into}, then the next ones, until one holds a package {@code enough} likes. */
    private CompletableFuture<Void> page(Map<String, String> filters, int number, List<ExtensionPackage> into,
                                         java.util.function.Predicate<ExtensionPackage> enough) {
        String query = filters.entrySet().stream()
                .map(f -> encode("filter[" + f.getKey() + "]") + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        String paging = encode("page[size]") + "=" + PAGE_SIZE + "&" + encode("page[number]") + "=" + number
                        + "&sort=-created_at";
        URI uri = packages("?" + (query.isEmpty() ? "" : query + "&") + paging);
        return client.send(call(HttpCall.get(uri))).thenCompose(result -> {
            JsonNode body = ApiJson.tree(result.body());
            List<ExtensionPackage> page = new ArrayList<>();
            body.path("data").forEach(data -> page.add(resource(data)));
            into.addAll(page);
            JsonNode next = body.path("meta").path("pagination").path("next_page");
            if (page.stream().anyMatch(enough) || !next.canConvertToInt() || next.asInt() <= number) {
                return CompletableFuture.completedFuture(null);
            }
            return page(filters, next.asInt(), into, enough);
        });
    }

    /** One page of one package, unfiltered: the health check's cheap read. {@code deadline} bounds the retries. */
    CompletableFuture<Void> probe(Instant deadline) {
        URI uri = packages("?" + encode("page[size]") + "=1&" + encode("page[number]") + "=1");
        return client.send(call(HttpCall.get(uri).until(deadline))).thenAccept(result -> ApiJson.tree(result.body()));
    }

    CompletableFuture<ExtensionPackage> create(UploadBody zip) {
        HttpCall call = HttpCall.post(packages(""), RequestBody.multipartFile("package", zip, ZIP));
        return client.send(call(call)).thenApply(ReactorApi::document);
    }

    /**
     * A new zip for a development package: Adobe documents PATCH (the spec also lists POST). Not sent twice blindly:
     * each update starts a processing of its own.
     */
    CompletableFuture<ExtensionPackage> update(String id, UploadBody zip) {
        HttpCall call = HttpCall.patch(packages("/" + encode(id)), RequestBody.multipartFile("package", zip, ZIP))
                .idempotent(false);
        return client.send(call(call)).thenApply(ReactorApi::document);
    }

    /** A lifecycle action: {@code release_private} or {@code discontinue}. */
    CompletableFuture<ExtensionPackage> action(String id, String action) {
        var document = ApiJson.MAPPER.createObjectNode();
        document.putObject("data").put("id", id).put("type", "extension_packages").putObject("meta").put("action", action);
        HttpCall call = HttpCall.patch(packages("/" + encode(id)), RequestBody.json(document.toString(), JSON_API))
                .idempotent(false); // a release that went through must not be sent twice
        return client.send(call(call)).thenApply(ReactorApi::document);
    }

    CompletableFuture<Void> delete(String id) {
        return client.send(call(HttpCall.delete(packages("/" + encode(id))))).thenApply(result -> null);
    }

    private HttpCall call(HttpCall call) {
        HttpCall withHeaders = call.header("Accept", ACCEPT);
        if (ObjectHelper.isNotEmpty(apiKey)) {
            withHeaders = withHeaders.header("x-api-key", apiKey);
        }
        if (ObjectHelper.isNotEmpty(imsOrgId)) {
            withHeaders = withHeaders.header("x-gw-ims-org-id", imsOrgId);
        }
        return withHeaders;
    }

    private URI packages(String rest) {
        return URI.create(base + "/extension_packages" + rest);
    }

    private static ExtensionPackage document(HttpResult result) {
        return resource(ApiJson.tree(result.body()).path("data"));
    }

    /** A JSON:API resource object: id, attributes, and the errors of meta.status_details. */
    static ExtensionPackage resource(JsonNode data) {
        ExtensionPackage pkg = ApiJson.convert(data.path("attributes"), ExtensionPackage.class);
        pkg.setId(ApiJson.text(data, "id"));
        List<ReactorError> errors = ReactorErrors.read(data.path("meta").path("status_details"));
        if (!errors.isEmpty()) {
            pkg.setStatusDetails(new ExtensionPackage.StatusDetails(errors));
        }
        return pkg;
    }

    private static String encode(String value) {
        return PercentCodec.encode(value, StandardCharsets.UTF_8);
    }
}
