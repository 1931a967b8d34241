package io.deploykit.camel.bc;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.util.ObjectHelper;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.net.PercentCodec;

import io.deploykit.camel.bc.model.Company;
import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.bc.model.Picture;
import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.camel.core.http.ApiClient;
import io.deploykit.camel.core.http.HttpCall;
import io.deploykit.camel.core.http.HttpResult;
import io.deploykit.camel.core.http.RequestBody;
import io.deploykit.camel.core.json.ApiJson;

/** The Business Central requests the component makes, one method each, over a service root. */
final class BcApi {

    private static final String AUTOMATION = "/api/microsoft/automation/v2.0";
    private static final String STANDARD = "/api/v2.0";

    private final ApiClient client;
    private final String root;

    BcApi(ApiClient client, String serviceRoot) {
        this.client = client;
        this.root = serviceRoot;
    }

    // companies

    CompletableFuture<String> companyIdByName(String name) {
        URI uri = uri(STANDARD + "/companies?$filter=" + filterEq("name", name));
        return client.send(json(HttpCall.get(uri))).thenApply(result -> named(result, name)
                .map(company -> ApiJson.text(company, "id"))
                .orElseThrow(() -> new NotFoundException("No company named '" + name + "' in " + root
                                        + ": check the companyName option (names are case-sensitive) or set companyId")));
    }

    /** Every company of the environment, every page of them. */
    CompletableFuture<List<Company>> companies() {
        List<JsonNode> values = new ArrayList<>();
        return listPages(uri(STANDARD + "/companies?$select=id,name,displayName"), "companies", values, new HashSet<>())
                .thenApply(done -> values.stream().map(value -> ApiJson.MAPPER.convertValue(value, Company.class))
                        .toList());
    }

    /** The company of exactly this name in a filtered list (the service's filter may ignore case). */
    private static Optional<JsonNode> named(HttpResult companies, String name) {
        return values(companies).stream().filter(company -> name.equals(ApiJson.text(company, "name"))).findFirst();
    }

    /**
     * The company of this id, or else of this name, read with one request (the health check's probe); fails with
     * {@link NotFoundException} when there is none. {@code deadline} bounds the retries.
     */
    CompletableFuture<Void> checkCompany(String id, String name, Instant deadline) {
        boolean byId = ObjectHelper.isNotEmpty(id);
        URI uri = byId ? uri(STANDARD + "/companies(" + key(id) + ")?$select=id,name")
                : uri(STANDARD + "/companies?$filter=" + filterEq("name", name) + "&$select=id,name");
        return client.send(json(HttpCall.get(uri)).accepting(404).until(deadline)).thenAccept(result -> {
            boolean found = result.status() != 404 && (byId || named(result, name).isPresent());
            if (!found) {
                throw new NotFoundException(byId ? "No company with id " + id + " in " + root
                        : "No company named '" + name + "' in " + root + " (names are case-sensitive)");
            }
        });
    }

    // configuration packages

    /**
     * The company's packages, every page of them: the server pages long lists, linking them by nextLink. At most
     * {@value #MAX_PAGES} pages, and never a page twice: a server that links in circles must not keep a deploy busy.
     */
    CompletableFuture<PackageListing> listPackages(String company) {
        List<JsonNode> values = new ArrayList<>(); // filled by one page after the other, never at once
        return listPages(packages(company, ""), "configuration packages", values, new HashSet<>())
                .thenApply(done -> new PackageListing(List.copyOf(values)));
    }

    static final int MAX_PAGES = 1000;

    private CompletableFuture<Void> listPages(URI page, String what, List<JsonNode> values, Set<URI> seen) {
        if (!seen.add(page)) {
            return CompletableFuture.failedFuture(new DeployKitException(
                    "Business Central linked a page of the list of " + what + " seen before: " + page));
        }
        if (seen.size() > MAX_PAGES) {
            return CompletableFuture.failedFuture(new DeployKitException("Business Central linked more than " + MAX_PAGES
                                                                         + " pages of " + what + "; not followed"));
        }
        return client.send(json(HttpCall.get(page))).thenCompose(result -> {
            JsonNode body = ApiJson.tree(result.body());
            body.path("value").forEach(values::add);
            String next = ApiJson.text(body, "@odata.nextLink");
            return next == null ? CompletableFuture.completedFuture(null)
                    : listPages(nextPage(page, next), what, values, seen);
        });
    }

    /** The next page's URL, if it is on the server that answered: the access token goes nowhere else. */
    static URI nextPage(URI page, String nextLink) {
        URI next = page.resolve(nextLink);
        boolean sameServer = page.getScheme().equalsIgnoreCase(next.getScheme())
                             && page.getHost().equalsIgnoreCase(String.valueOf(next.getHost()))
                             && page.getPort() == next.getPort();
        if (!sameServer || next.equals(page)) {
            throw new DeployKitException("Business Central linked the next page of a list to " + next.getScheme()
                                            + "://" + next.getHost() + (next.getPort() < 0 ? "" : ":" + next.getPort())
                                            + (sameServer ? " (the page itself)" : "") + "; not followed from "
                                            + page.getHost());
        }
        return next;
    }

    /**
     * A list of configuration packages as the API answered it. A package becomes a {@link ConfigurationPackage} only
     * when asked for: a shared poll reads a few packages of a list that may hold hundreds.
     */
    record PackageListing(List<JsonNode> values) {

        List<ConfigurationPackage> packages() {
            return values.stream().map(PackageListing::toPackage).toList();
        }

        static ConfigurationPackage toPackage(JsonNode value) {
            return ApiJson.convert(value, ConfigurationPackage.class);
        }
    }

    CompletableFuture<ConfigurationPackage> getPackage(String company, String id) {
        return getPackage(company, id, null);
    }

    /** The package; {@code deadline} (or null) bounds the retries, as when a wait polls it. */
    CompletableFuture<ConfigurationPackage> getPackage(String company, String id, Instant deadline) {
        HttpCall call = json(HttpCall.get(packages(company, "(" + key(id) + ")"))).accepting(404).until(deadline);
        return client.send(call).thenApply(result -> {
            if (result.status() == 404) {
                throw new NotFoundException("No configuration package with id " + id + " in company " + company);
            }
            return ApiJson.read(result.body(), ConfigurationPackage.class);
        });
    }

    /** The package with this code, checked on the answer too, in case a server ignores the filter. */
    CompletableFuture<Optional<ConfigurationPackage>> findPackageByCode(String company, String code) {
        return client.send(json(HttpCall.get(packages(company, "?$filter=" + filterEq("code", code)))))
                .thenApply(result -> values(result).stream()
                        .map(p -> ApiJson.convert(p, ConfigurationPackage.class))
                        .filter(p -> code.equalsIgnoreCase(p.getCode()))
                        .findFirst());
    }

    CompletableFuture<ConfigurationPackage> createPackage(String company, String code, String packageName) {
        var body = ApiJson.MAPPER.createObjectNode().put("code", code).put("packageName", packageName);
        HttpCall call = HttpCall.post(packages(company, ""), RequestBody.json(body.toString(), ContentType.APPLICATION_JSON));
        return client.send(json(call)).thenApply(result -> ApiJson.read(result.body(), ConfigurationPackage.class));
    }

    /** Deletes the package; one already gone (a delete sent again after a lost answer) is no error. */
    CompletableFuture<Void> deletePackage(String company, ConfigurationPackage pkg) {
        HttpCall call = HttpCall.delete(packages(company, "(" + key(pkg.getId()) + ")"))
                .header("If-Match", etagOrAny(pkg.getEtag())).accepting(404);
        return client.send(call).thenApply(result -> null);
    }

    /** Streams the file into the package; If-Match * because the file has no ETag of its own before the first upload. */
    CompletableFuture<Void> uploadFile(String company, ConfigurationPackage pkg, UploadBody file) {
        URI uri = packages(company, "(" + key(pkg.getId()) + ")/file('" + literal(pkg.getCode()) + "')/content");
        HttpCall call = HttpCall.patch(uri, RequestBody.raw(file, ContentType.APPLICATION_OCTET_STREAM)).header("If-Match", "*");
        return client.send(call).thenApply(result -> null);
    }

    CompletableFuture<Void> startImport(String company, String id) {
        return action(company, id, "Microsoft.NAV.import");
    }

    CompletableFuture<Void> startApply(String company, String id) {
        return action(company, id, "Microsoft.NAV.apply");
    }

    private CompletableFuture<Void> action(String company, String id, String action) {
        HttpCall call = HttpCall.post(packages(company, "(" + key(id) + ")/" + action), null);
        return client.send(call).thenApply(result -> null);
    }

    // pictures

    CompletableFuture<String> parentIdByNumber(String company, BcParentType type, String number) {
        URI uri = uri(STANDARD + "/companies(" + key(company) + ")/" + type + "?$filter=" + filterEq("number", number)
                      + "&$select=id,number");
        return client.send(json(HttpCall.get(uri))).thenApply(result -> {
            for (JsonNode record : values(result)) {
                if (number.equals(ApiJson.text(record, "number"))) {
                    return ApiJson.text(record, "id");
                }
            }
            throw new NotFoundException("No " + singular(type) + " with number '" + number + "' in company " + company);
        });
    }

    CompletableFuture<Picture> getPicture(String company, BcParentType type, String parentId) {
        return client.send(json(HttpCall.get(picture(company, type, parentId, "")).accepting(404)))
                .thenApply(result -> {
                    if (result.status() == 404) {
                        throw new NotFoundException("No " + singular(type) + " with id " + parentId + " in company " + company);
                    }
                    return ApiJson.read(result.body(), Picture.class);
                });
    }

    /** The picture's bytes; a 204 (no picture) comes back with an empty body. */
    CompletableFuture<HttpResult> getPictureContent(String company, BcParentType type, String parentId) {
        return client.send(HttpCall.get(picture(company, type, parentId, "/pictureContent")).accepting(404))
                .thenApply(result -> {
                    if (result.status() == 404) {
                        throw new NotFoundException("No " + singular(type) + " with id " + parentId + " in company " + company);
                    }
                    return result;
                });
    }

    CompletableFuture<Void> updatePictureContent(String company, BcParentType type, String parentId, UploadBody image,
                                                 String contentType) {
        HttpCall call = HttpCall.patch(picture(company, type, parentId, "/pictureContent"),
                RequestBody.raw(image, ContentType.parse(contentType))).header("If-Match", "*");
        return client.send(call).thenApply(result -> null);
    }

    CompletableFuture<Void> deletePicture(String company, BcParentType type, String parentId) {
        HttpCall call = HttpCall.delete(picture(company, type, parentId, "")).header("If-Match", "*");
        return client.send(call).thenApply(result -> null);
    }

    // building blocks

    private URI packages(String company, String rest) {
        return uri(AUTOMATION + "/companies(" + key(company) + ")/configurationPackages" + rest);
    }

    private URI picture(String company, BcParentType type, String parentId, String rest) {
        return uri(STANDARD + "/companies(" + key(company) + ")/" + type + "(" + key(parentId) + ")/picture" + rest);
    }

    private URI uri(String path) {
        return URI.create(root + path);
    }

    /** Asks for JSON; shared with {@link AdminCenterApi}, as the two helpers below. */
    static HttpCall json(HttpCall call) {
        return call.header("Accept", "application/json");
    }

    static List<JsonNode> values(HttpResult result) {
        List<JsonNode> list = new ArrayList<>();
        ApiJson.tree(result.body()).path("value").forEach(list::add);
        return list;
    }

    /** {@code field eq 'value'}, the literal's quotes doubled, percent-encoded for the query string. */
    private static String filterEq(String field, String value) {
        return PercentCodec.encode(field + " eq '" + value.replace("'", "''") + "'", StandardCharsets.UTF_8);
    }

    /** An id (a GUID) inside a path, percent-encoded: an id from a header must not change the path. */
    static String key(String id) {
        return PercentCodec.encode(id, StandardCharsets.UTF_8);
    }

    /** A string key inside a path, such as {@code file('CODE')}. */
    private static String literal(String value) {
        return PercentCodec.encode(value.replace("'", "''"), StandardCharsets.UTF_8);
    }

    private static String etagOrAny(String etag) {
        return ObjectHelper.isEmpty(etag) ? "*" : etag;
    }

    private static String singular(BcParentType type) {
        String name = type.name();
        return name.substring(0, name.length() - 1);
    }
}
