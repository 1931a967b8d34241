package io.deploykit.emulator.bc;

import java.io.IOException;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.AdminRoutes;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.Json;
import io.deploykit.emulator.http.RouteGroup;

/**
 * The Business Central emulator's own administration endpoints, beside the common ones, and like them only for a
 * loopback Host ({@link io.deploykit.emulator.http.LoopbackHost}):
 * <ul>
 *   <li>{@code GET /_emulator}: the URLs, tenant, environment and companies</li>
 *   <li>{@code PUT /_emulator/bc/jobs} {@code {"stuck":true}}: jobs stay {@code Scheduled} (false: they move on)</li>
 *   <li>{@code PUT /_emulator/bc/packages/{code}/jobs} {@code {"stuck":true}}: the jobs of the package with this
 *       code stay {@code Scheduled} (false: they move on)</li>
 *   <li>{@code PUT /_emulator/bc/packages/{code}/apply-outcome} {@code {"recordErrors":3}} or
 *       {@code {"failure":"Table 18 is locked"}}; {@code DELETE} restores a clean apply</li>
 *   <li>{@code GET /_emulator/bc/history}: {@code {"applies":[..],"imports":[..],"pictureUpdates":[..]}}, what
 *       was deployed, each with the SHA-256 of its content</li>
 * </ul>
 */
final class BcAdminRoutes {

    private BcAdminRoutes() {
    }

    static void install(RouteGroup admin, BcEmulator emulator, PackageJobs jobs) {
        admin.get("", "admin.describe", exchange -> describe(exchange, emulator))
                .put("/bc/jobs", "admin.bc.jobs", exchange -> {
                    jobs.stick(stuck(exchange));
                    exchange.respondEmpty(204);
                })
                .put("/bc/packages/{code}/jobs", "admin.bc.package.jobs", exchange -> {
                    jobs.stick(exchange.pathParam("code"), stuck(exchange));
                    exchange.respondEmpty(204);
                })
                .get("/bc/history", "admin.bc.history", exchange -> exchange.respondJson(200, history(emulator)))
                .put("/bc/packages/{code}/apply-outcome", "admin.bc.outcome.set", exchange -> {
                    ObjectNode body = AdminRoutes.readObject(exchange);
                    String code = exchange.pathParam("code");
                    try {
                        jobs.applyRecordErrors(code, body.path("recordErrors").asInt(0));
                    } catch (IllegalArgumentException e) {
                        throw AdminRoutes.badRequest(e.getMessage());
                    }
                    jobs.applyFailure(code, body.hasNonNull("failure") ? body.get("failure").asText() : null);
                    exchange.respondEmpty(204);
                })
                .delete("/bc/packages/{code}/apply-outcome", "admin.bc.outcome.clear", exchange -> {
                    jobs.applyRecordErrors(exchange.pathParam("code"), 0);
                    jobs.applyFailure(exchange.pathParam("code"), null);
                    exchange.respondEmpty(204);
                });
    }

    private static boolean stuck(Exchange exchange) throws IOException {
        ObjectNode body = AdminRoutes.readObject(exchange);
        if (!body.path("stuck").isBoolean()) {
            throw AdminRoutes.badRequest("Expected {\"stuck\": true or false}");
        }
        return body.get("stuck").booleanValue();
    }

    private static ObjectNode history(BcEmulator emulator) {
        ObjectNode json = Json.object();
        var applies = json.putArray("applies");
        emulator.applies().forEach(started -> applies.addObject()
                .put("companyId", started.companyId())
                .put("packageId", started.packageId())
                .put("packageCode", started.packageCode())
                .put("sha256", started.sha256())
                .put("at", started.at().toString()));
        var imports = json.putArray("imports");
        emulator.imports().forEach(started -> imports.addObject()
                .put("companyId", started.companyId())
                .put("packageId", started.packageId())
                .put("packageCode", started.packageCode())
                .put("sha256", started.sha256())
                .put("at", started.at().toString()));
        var pictures = json.putArray("pictureUpdates");
        emulator.pictureUpdates().forEach(stored -> pictures.addObject()
                .put("companyId", stored.companyId())
                .put("parentType", stored.parentType())
                .put("parentId", stored.parentId())
                .put("sha256", stored.sha256())
                .put("at", stored.at().toString()));
        return json;
    }

    private static void describe(Exchange exchange, BcEmulator emulator) throws IOException {
        ObjectNode json = Json.object()
                .put("service", "Business Central")
                .put("baseUrl", emulator.baseUrl())
                .put("apiBaseUrl", emulator.apiBaseUrl())
                .put("serviceRootUrl", emulator.serviceRootUrl())
                .put("onPremisesRootUrl", emulator.onPremisesRootUrl())
                .put("tokenUrl", emulator.tokenUrl())
                .put("scope", BcEmulator.SCOPE)
                .put("tenant", emulator.tenant())
                .put("environment", emulator.environment());
        var companies = json.putArray("companies");
        emulator.companies().forEach(company -> companies.addObject().put("id", company.id())
                .put("name", company.name()));
        exchange.respondJson(200, json);
    }
}
