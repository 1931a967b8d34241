package io.deploykit.emulator.reactor;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.AdminRoutes;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.http.RouteGroup;
import io.deploykit.emulator.reactor.manifest.ProcessingError;

/**
 * The Reactor emulator's own administration endpoints, beside the common ones (faults, token expiry, request log),
 * so that a standalone emulator can be driven as tests drive an embedded one; like them, only for a loopback Host
 * (checked by the admin routes of the server framework):
 * <ul>
 *   <li>{@code GET /_emulator}: the URLs and the organization</li>
 *   <li>{@code PUT /_emulator/reactor/processing} {@code {"stuck":true}}: packages stay pending (false: they move
 *       on)</li>
 *   <li>{@code POST /_emulator/reactor/processing/failure} {@code {"detail":"..","code":".."}}: the next processing
 *       fails (code optional)</li>
 *   <li>{@code POST /_emulator/reactor/foreign-names} {@code {"name":"x"}}: the name belongs to another
 *       organization</li>
 *   <li>{@code POST /_emulator/reactor/packages} {@code {"name","version","platform","availability"}}: seeds a
 *       processed package</li>
 *   <li>{@code GET /_emulator/reactor/history}: {@code {"uploads":[..],"releases":[..]}}, what was deployed, each
 *       zip with its SHA-256</li>
 * </ul>
 */
final class ReactorAdminRoutes {

    private ReactorAdminRoutes() {
    }

    static void install(RouteGroup admin, ReactorEmulator emulator) {
        admin.get("", "admin.describe", exchange -> describe(exchange, emulator))
                .put("/reactor/processing", "admin.reactor.processing", exchange -> {
                    ObjectNode body = AdminRoutes.readObject(exchange);
                    if (!body.path("stuck").isBoolean()) {
                        throw AdminRoutes.badRequest("Expected {\"stuck\": true or false}");
                    }
                    emulator.faults().stickProcessing(body.get("stuck").booleanValue());
                    exchange.respondEmpty(204);
                })
                .post("/reactor/processing/failure", "admin.reactor.failure", exchange -> {
                    ObjectNode body = AdminRoutes.readObject(exchange);
                    String detail = required(body, "detail");
                    emulator.faults().failNextProcessing(body.path("code").asText(ProcessingError.INJECTED_ERROR),
                            detail);
                    exchange.respondEmpty(204);
                })
                .post("/reactor/foreign-names", "admin.reactor.names", exchange -> {
                    emulator.ownedByAnotherOrg(required(AdminRoutes.readObject(exchange), "name"));
                    exchange.respondEmpty(204);
                })
                .post("/reactor/packages", "admin.reactor.seed", exchange -> seed(exchange, emulator))
                .get("/reactor/history", "admin.reactor.history", exchange -> exchange.respondJson(200,
                        history(emulator)));
    }

    private static void seed(Exchange exchange, ReactorEmulator emulator) throws IOException {
        ObjectNode body = AdminRoutes.readObject(exchange);
        ExtensionPackageSnapshot seeded;
        try {
            seeded = emulator.seedPackage(required(body, "name"), required(body, "version"),
                    body.path("platform").asText("web"), body.path("availability").asText("private"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw AdminRoutes.badRequest(e.getMessage());
        }
        exchange.respondJson(201, JsonCodec.object().put("id", seeded.id()).put("name", seeded.name())
                .put("version", seeded.version()).put("platform", seeded.platform())
                .put("availability", seeded.availability()));
    }

    private static ObjectNode history(ReactorEmulator emulator) {
        ObjectNode json = JsonCodec.object();
        var uploads = json.putArray("uploads");
        emulator.uploads().forEach(upload -> uploads.addObject()
                .put("packageId", upload.packageId())
                .put("name", upload.name())
                .put("platform", upload.platform())
                .put("version", upload.version())
                .put("sha256", upload.sha256())
                .put("created", upload.created())
                .put("at", upload.at().toString()));
        var releases = json.putArray("releases");
        emulator.releases().forEach(release -> releases.addObject()
                .put("packageId", release.packageId())
                .put("name", release.name())
                .put("platform", release.platform())
                .put("version", release.version())
                .put("at", release.at().toString()));
        return json;
    }

    private static String required(JsonNode body, String field) {
        if (!body.path(field).isTextual() || body.get(field).asText().isBlank()) {
            throw AdminRoutes.badRequest("Expected a \"" + field + "\" text");
        }
        return body.get(field).asText();
    }

    private static void describe(Exchange exchange, ReactorEmulator emulator) throws IOException {
        exchange.respondJson(200, JsonCodec.object()
                .put("service", "Adobe Experience Platform Tags (Reactor)")
                .put("baseUrl", emulator.baseUrl())
                .put("tokenUrl", emulator.tokenUrl())
                .put("scope", ReactorEmulator.SCOPE)
                .put("orgId", emulator.orgId())
                .put("processingMillis", emulator.processingTime().toMillis()));
    }
}
