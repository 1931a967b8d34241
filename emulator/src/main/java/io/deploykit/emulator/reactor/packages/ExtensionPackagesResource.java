package io.deploykit.emulator.reactor.packages;

import java.io.IOException;
import java.util.Locale;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.Handler;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.http.RouteGroup;
import io.deploykit.emulator.reactor.auth.ReactorGate;
import io.deploykit.emulator.reactor.jsonapi.Answers;
import io.deploykit.emulator.reactor.jsonapi.ApiProblem;
import io.deploykit.emulator.http.HeaderParameters;
import io.deploykit.emulator.reactor.jsonapi.JsonApiErrors;
import io.deploykit.emulator.reactor.manifest.Manifest;
import io.deploykit.emulator.reactor.manifest.PackageInspector;

/**
 * The {@code extension_packages} endpoints: list, get, versions, create and update (a zip in a multipart body),
 * the lifecycle actions {@code release_private} and {@code discontinue} (a JSON:API document), and delete.
 */
public final class ExtensionPackagesResource {

    public static final String PATH = "/" + PackageDocuments.TYPE;
    private static final String ONE = PATH + "/{id}";
    private static final int MAX_DOCUMENT = 64 * 1024;

    private final IgnoredFilters ignoredFilters;
    private final PackageStore store;
    private final PackageProcessing processing;
    private final MultipartUpload uploads;
    private final ReactorGate gate;
    private final JsonApiErrors errors;
    private final Answers answers;

    public ExtensionPackagesResource(PackageStore store, PackageProcessing processing, MultipartUpload uploads,
                              ReactorGate gate, JsonApiErrors errors, Answers answers, IgnoredFilters ignoredFilters) {
        this.ignoredFilters = ignoredFilters;
        this.store = store;
        this.processing = processing;
        this.uploads = uploads;
        this.gate = gate;
        this.errors = errors;
        this.answers = answers;
    }

    public void install(RouteGroup api) {
        api.get(PATH, "packages.list", guarded(this::list))
                .post(PATH, "packages.create", guarded(this::create))
                .get(ONE + "/versions", "packages.versions", guarded(this::versions))
                .get(ONE, "packages.get", guarded(this::get))
                .patch(ONE, "packages.patch", guarded(this::patch))
                .post(ONE, "packages.update", guarded(this::update))
                .delete(ONE, "packages.delete", guarded(this::delete));
    }

    /** Admits the request first, and answers an {@link ApiProblem} as a JSON:API error. */
    private Handler guarded(Handler handler) {
        return exchange -> {
            try {
                gate.admit(exchange);
                handler.handle(exchange);
            } catch (ApiProblem problem) {
                errors.write(exchange, problem);
            }
        };
    }

    private void list(Exchange exchange) throws IOException {
        ListQuery parsed = ListQuery.parse(exchange.rawQuery());
        ListQuery query = ignoredFilters.ignored() ? parsed.withoutFilters() : parsed;
        respond(exchange, 200, PackageDocuments.list(query.apply(store.all()), exchange.baseUrl()));
    }

    private void get(Exchange exchange) throws IOException {
        respond(exchange, 200, PackageDocuments.single(store.require(exchange.pathParam("id")), exchange.baseUrl()));
    }

    /** The packages of the same extension (name and platform), this one included. */
    private void versions(Exchange exchange) throws IOException {
        PackageState pkg = store.require(exchange.pathParam("id"));
        ListQuery query = ListQuery.parse(exchange.rawQuery());
        var versions = store.all().stream()
                .filter(other -> other == pkg || (pkg.name() != null && other.isOf(pkg.name(), pkg.platform())))
                .toList();
        respond(exchange, 200, PackageDocuments.list(query.apply(versions), exchange.baseUrl()));
    }

    private void create(Exchange exchange) throws IOException {
        PackageState created = receiveZip(exchange, (manifest, zip) -> store.create(manifest, zip,
                exchange.principal()));
        exchange.setHeader("Location", exchange.baseUrl() + PATH + "/" + created.id());
        respond(exchange, 201, PackageDocuments.single(created, exchange.baseUrl()));
    }

    /** A new zip (multipart, as Adobe documents), or a lifecycle action (a JSON:API document). */
    private void patch(Exchange exchange) throws IOException {
        if (MultipartUpload.isMultipart(exchange)) {
            update(exchange);
        } else if (isJson(exchange)) {
            act(exchange);
        } else {
            throw ApiProblem.unsupportedMediaType("A PATCH takes a zip as " + MultipartUpload.MEDIA_TYPE
                                                  + " or an action as " + Answers.JSON_API + ", not "
                                                  + exchange.header("Content-Type") + ".");
        }
    }

    private void update(Exchange exchange) throws IOException {
        String id = exchange.pathParam("id");
        PackageState updated = receiveZip(exchange, (manifest, zip) -> store.upload(id, manifest, zip,
                exchange.principal()));
        respond(exchange, 200, PackageDocuments.single(updated, exchange.baseUrl()));
    }

    /**
     * Receives a zip, reads its manifest for the store's rules, hands both to the store and starts processing.
     * The zip is deleted when the store refuses it.
     */
    private PackageState receiveZip(Exchange exchange, BiFunction<Manifest, ReceivedZip, PackageState> change)
            throws IOException {
        ReceivedZip zip = uploads.receive(exchange);
        PackageState pkg;
        try {
            pkg = change.apply(PackageInspector.readManifest(zip.file()).orElse(null), zip);
        } catch (RuntimeException refused) {
            uploads.discard(zip);
            throw refused;
        }
        processing.start(pkg);
        return pkg;
    }

    /**
     * {@code {"data":{"id":ID,"type":"extension_packages","meta":{"action":"release_private"}}}}, or the action
     * {@code discontinue}, which another page of Adobe's documents as {@code "attributes":{"discontinued":true}}.
     */
    private void act(Exchange exchange) throws IOException {
        String id = exchange.pathParam("id");
        JsonNode data = readDocument(exchange).path("data");
        if (!data.isObject()) {
            throw ApiProblem.badRequest("The document has no \"data\" object.").atPointer("/data");
        }
        if (!PackageDocuments.TYPE.equals(data.path("type").asText(null))) {
            throw ApiProblem.conflict("/data/type", "The type must be " + PackageDocuments.TYPE + ", not "
                                                    + data.path("type") + ".");
        }
        if (!id.equals(data.path("id").asText(null))) {
            throw ApiProblem.conflict("/data/id", "The document's id " + data.path("id") + " is not the id in the "
                                                  + "path, " + id + ".");
        }
        String action = data.path("meta").path("action").asText(null);
        PackageState changed;
        if ("release_private".equals(action)) {
            changed = store.releasePrivate(id, exchange.principal());
        } else if ("discontinue".equals(action)
                   || (action == null && data.path("attributes").path("discontinued").asBoolean(false))) {
            changed = store.discontinue(id, exchange.principal());
        } else {
            throw ApiProblem.badRequest("Expected the action release_private or discontinue in meta.action, or "
                                        + "attributes.discontinued true; got "
                                        + (action == null ? "neither" : "the action " + action) + ".")
                    .atPointer("/data/meta/action");
        }
        respond(exchange, 200, PackageDocuments.single(changed, exchange.baseUrl()));
    }

    private void delete(Exchange exchange) throws IOException {
        store.delete(exchange.pathParam("id"));
        answers.empty(exchange, 204);
    }

    private static ObjectNode readDocument(Exchange exchange) throws IOException {
        try {
            return JsonCodec.parseObject(exchange.readBody(MAX_DOCUMENT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    private static boolean isJson(Exchange exchange) {
        String contentType = exchange.header("Content-Type");
        if (contentType == null) {
            return false;
        }
        String type = HeaderParameters.value(contentType).toLowerCase(Locale.ROOT);
        return type.equals(Answers.JSON_API) || type.equals("application/json");
    }

    private void respond(Exchange exchange, int status, ObjectNode document) throws IOException {
        answers.json(exchange, status, Answers.JSON_API, document);
    }
}
