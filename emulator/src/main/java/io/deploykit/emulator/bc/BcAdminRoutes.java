package io.deploykit.emulator.bc;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.bc.limits.BcLimits;
import io.deploykit.emulator.bc.limits.OperationalLimits;
import io.deploykit.emulator.bc.limits.ThrottledRequests;
import io.deploykit.emulator.bc.packages.BackgroundJobs;
import io.deploykit.emulator.http.AdminRoutes;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.http.RouteGroup;

/**
 * The Business Central emulator's own administration endpoints, beside the common ones, and like them only for a
 * loopback Host (checked by the admin routes of the server framework):
 * <ul>
 *   <li>{@code GET /_emulator}: the URLs, tenant, environment and companies</li>
 *   <li>{@code PUT /_emulator/bc/jobs} {@code {"stuck":true}}: jobs stay {@code Scheduled} (false: they move on);
 *       {@code {"runningPerEnvironment":3}}: how many jobs an environment runs at once (0: no limit)</li>
 *   <li>{@code PUT /_emulator/bc/packages/{code}/jobs} {@code {"stuck":true}}: the jobs of the package with this
 *       code stay {@code Scheduled} (false: they move on)</li>
 *   <li>{@code PUT /_emulator/bc/packages/{code}/apply-outcome} {@code {"recordErrors":3}} or
 *       {@code {"failure":"Table 18 is locked"}}; {@code DELETE} restores a clean apply</li>
 *   <li>{@code PUT /_emulator/bc/apps} {@code {"operationMillis":2000}}: how long an app install or uninstall
 *       runs</li>
 *   <li>{@code PUT /_emulator/bc/apps/{appId}/install-failure} {@code {"errorMessage":"..."}}: the app's next
 *       install fails with it ({@code {}} removes it)</li>
 *   <li>{@code POST /_emulator/bc/apps/update-window}: every scheduled app install runs now</li>
 *   <li>{@code POST /_emulator/bc/environments} {@code {"name":"sandbox"}}: another environment of the tenant,
 *       with the demo companies and no apps; {@code POST /_emulator/bc/environments/{environment}/companies}
 *       {@code {"name":"Fabrikam"}}: another company there, with the demo records</li>
 *   <li>{@code GET /_emulator/bc/history}: {@code {"applies":[..],"imports":[..],"appInstalls":[..],
 *       "pictureUpdates":[..]}}, what
 *       was deployed, each with the SHA-256 of its content</li>
 *   <li>{@code GET /_emulator/bc/limits}: the operational limits, the requests they refused, and each user's
 *       requests now (processing, queued, within the window)</li>
 *   <li>{@code PUT /_emulator/bc/limits} {@code {"maxConcurrentRequests":5,"maxQueuedRequests":95,
 *       "requestsPerWindow":6000,"windowSeconds":300,"operationTimeoutSeconds":480}}, any of them, or
 *       {@code {"enabled":false}} to lift the request limits; {@code DELETE} restores Business Central online's</li>
 * </ul>
 * The operation timeout is hit with a slow answer longer than it: {@code POST /_emulator/faults}
 * {@code {"kind":"slow","delayMillis":600000}} is answered 408 after the timeout.
 */
final class BcAdminRoutes {

    private BcAdminRoutes() {
    }

    static void install(RouteGroup admin, BcEmulator emulator, BackgroundJobs jobs, OperationalLimits limits) {
        admin.get("", "admin.describe", exchange -> describe(exchange, emulator))
                .get("/bc/limits", "admin.bc.limits", exchange -> exchange.respondJson(200, limits(limits)))
                .put("/bc/limits", "admin.bc.limits.set", exchange -> {
                    limits.setLimits(changed(limits.limits(), AdminRoutes.readObject(exchange)));
                    exchange.respondJson(200, limits(limits));
                })
                .delete("/bc/limits", "admin.bc.limits.reset", exchange -> {
                    limits.setLimits(BcLimits.BUSINESS_CENTRAL_ONLINE);
                    exchange.respondJson(200, limits(limits));
                })
                .put("/bc/jobs", "admin.bc.jobs", exchange -> {
                    ObjectNode body = AdminRoutes.readObject(exchange);
                    if (body.path("runningPerEnvironment").isInt()) {
                        jobs.setRunningJobsPerEnvironment(body.get("runningPerEnvironment").intValue());
                    } else if (body.path("stuck").isBoolean()) {
                        jobs.stick(body.get("stuck").booleanValue());
                    } else {
                        throw AdminRoutes.badRequest("Expected {\"stuck\": true or false} or"
                                                     + " {\"runningPerEnvironment\": 3}");
                    }
                    exchange.respondEmpty(204);
                })
                .put("/bc/packages/{code}/jobs", "admin.bc.package.jobs", exchange -> {
                    jobs.stick(exchange.pathParam("code"), stuck(exchange));
                    exchange.respondEmpty(204);
                })
                .put("/bc/apps", "admin.bc.apps", exchange -> {
                    long millis = AdminRoutes.readObject(exchange).path("operationMillis").asLong(-1);
                    if (millis < 0) {
                        throw new io.deploykit.emulator.http.HttpError(400, "BadRequest",
                                "Give operationMillis, how long an app install or uninstall runs");
                    }
                    emulator.environments().names()
                            .forEach(name -> emulator.apps(name).setOperationDuration(Duration.ofMillis(millis)));
                    exchange.respondEmpty(204);
                })
                .put("/bc/apps/{appId}/install-failure", "admin.bc.apps.failure", exchange -> {
                    String message = AdminRoutes.readObject(exchange).path("errorMessage").asText(null);
                    emulator.apps().failNextInstall(exchange.pathParam("appId"), message);
                    exchange.respondEmpty(204);
                })
                .post("/bc/apps/update-window", "admin.bc.apps.window", exchange -> {
                    emulator.apps().runScheduled();
                    exchange.respondEmpty(204);
                })
                .get("/bc/history", "admin.bc.history", exchange -> exchange.respondJson(200, history(emulator)))
                .post("/bc/environments", "admin.bc.environments.add", exchange -> {
                    String name = AdminRoutes.readObject(exchange).path("name").asText("");
                    try {
                        emulator.environments().add(name);
                    } catch (IllegalArgumentException e) {
                        throw AdminRoutes.badRequest(e.getMessage());
                    }
                    exchange.respondJson(201, environment(emulator, name));
                })
                .post("/bc/environments/{environment}/companies", "admin.bc.companies.add", exchange -> {
                    String environment = exchange.pathParam("environment");
                    if (!emulator.environments().exists(environment)) {
                        throw new io.deploykit.emulator.http.HttpError(404, "NotFound", "No environment '"
                                + environment + "'; there are " + emulator.environments().names());
                    }
                    String name = AdminRoutes.readObject(exchange).path("name").asText("");
                    if (name.isBlank()) {
                        throw AdminRoutes.badRequest("Give the company's name: {\"name\": \"Fabrikam\"}");
                    }
                    try {
                        emulator.environments().companies().add(emulator.environments().canonical(environment), name);
                    } catch (IllegalArgumentException e) {
                        throw AdminRoutes.badRequest(e.getMessage());
                    }
                    exchange.respondJson(201, environment(emulator, environment));
                })
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

    /** The limits with the changes of an administration request; 400 for a value that is not valid. */
    private static BcLimits changed(BcLimits current, ObjectNode body) {
        try {
            BcLimits limits = body.path("enabled").asBoolean(true) ? current
                    : BcLimits.NONE.withOperationTimeout(current.operationTimeout());
            return limits.with(intValue(body, "maxConcurrentRequests"), intValue(body, "maxQueuedRequests"),
                    intValue(body, "requestsPerWindow"), seconds(body, "windowSeconds"),
                    seconds(body, "operationTimeoutSeconds"));
        } catch (IllegalArgumentException e) {
            throw AdminRoutes.badRequest(e.getMessage());
        }
    }

    /** The integer a field gives; null when the body has no such field. */
    private static Integer intValue(ObjectNode body, String field) {
        if (!body.has(field)) {
            return null;
        }
        if (!body.get(field).canConvertToInt()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an integer, not " + body.get(field));
        }
        return body.get(field).intValue();
    }

    /** The seconds a field gives; null when the body has no such field. */
    private static Duration seconds(ObjectNode body, String field) {
        Integer seconds = intValue(body, field);
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private static ObjectNode limits(OperationalLimits limits) {
        BcLimits current = limits.limits();
        ObjectNode json = JsonCodec.object()
                .put("maxConcurrentRequests", current.maxConcurrentRequests())
                .put("maxQueuedRequests", current.maxQueuedRequests())
                .put("requestsPerWindow", current.requestsPerWindow())
                .put("windowSeconds", current.window().toSeconds())
                .put("operationTimeoutSeconds", current.operationTimeout().toSeconds());
        ThrottledRequests refused = limits.refused();
        json.putObject("refused").put("queueFull", refused.queueFull()).put("windowExceeded", refused.windowExceeded())
                .put("queueTimedOut", refused.queueTimedOut());
        ObjectNode users = json.putObject("users");
        limits.usage().forEach((name, usage) -> users.putObject(name).put("processing", usage[0])
                .put("queued", usage[1]).put("inWindow", usage[2]));
        return json;
    }

    private static boolean stuck(Exchange exchange) throws IOException {
        ObjectNode body = AdminRoutes.readObject(exchange);
        if (!body.path("stuck").isBoolean()) {
            throw AdminRoutes.badRequest("Expected {\"stuck\": true or false}");
        }
        return body.get("stuck").booleanValue();
    }

    private static ObjectNode history(BcEmulator emulator) {
        ObjectNode json = JsonCodec.object();
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
        var apps = json.putArray("appInstalls");
        emulator.apps().installs().forEach(accepted -> apps.addObject()
                .put("appId", accepted.appId())
                .put("version", accepted.version())
                .put("operationId", accepted.operationId())
                .put("scheduleKind", accepted.scheduleKind())
                .put("sha256", accepted.sha256())
                .put("at", accepted.at().toString()));
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
        ObjectNode json = JsonCodec.object()
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
        var environments = json.putArray("environments");
        emulator.environments().names().forEach(name -> environments.add(environment(emulator, name)));
        exchange.respondJson(200, json);
    }

    private static ObjectNode environment(BcEmulator emulator, String name) {
        ObjectNode json = JsonCodec.object().put("name", emulator.environments().canonical(name))
                .put("serviceRootUrl", emulator.apiBaseUrl() + "/" + emulator.tenant() + "/"
                                       + emulator.environments().canonical(name));
        var companies = json.putArray("companies");
        emulator.companies(name).forEach(company -> companies.addObject().put("id", company.id())
                .put("name", company.name()));
        return json;
    }
}
