package io.deploykit.emulator.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The administration endpoints every emulator has, under {@code /_emulator}, so that a standalone emulator can be
 * driven like an embedded one: faults, token expiry and the request log. Neither logged nor hit by faults.
 * <p>
 * They take no credentials, so they answer only requests addressed to a loopback name ({@link LoopbackHost}): a web
 * page that rebinds its own host name to 127.0.0.1 cannot drive a standalone emulator on its well-known port.
 * <ul>
 *   <li>{@code POST /_emulator/faults} {@code {"kind":"rateLimit","requests":2,"retryAfterSeconds":1,
 *       "method":"POST","path":".*import"}}; kinds rateLimit, serviceUnavailable, slow (with {@code delayMillis}),
 *       dropConnection, and, after the request was handled, gatewayTimeoutAfterActing, badGatewayAfterActing,
 *       dropAfterActing; without {@code path}, the API's paths</li>
 *   <li>{@code GET /_emulator/faults}, {@code DELETE /_emulator/faults}</li>
 *   <li>{@code POST /_emulator/tokens/expire}</li>
 *   <li>{@code GET /_emulator/requests}, {@code DELETE /_emulator/requests}</li>
 * </ul>
 */
public final class AdminRoutes {

    public static final String PREFIX = "/_emulator";
    private static final int MAX_BODY = 64 * 1024;

    private AdminRoutes() {
    }

    /** Adds the common endpoints and returns their group, to which an emulator adds its own. */
    public static RouteGroup install(EmulatorServer server, Faults faults) {
        RouteGroup admin = server.router().group(PathTemplate.regex(PREFIX), new SimpleErrorFormat(), false)
                .before(LoopbackHost::require);
        admin.post("/faults", "admin.faults.add", exchange -> addFault(exchange, faults))
                .get("/faults", "admin.faults.list", exchange -> exchange.respondJson(200, describe(faults)))
                .delete("/faults", "admin.faults.clear", exchange -> {
                    faults.clear();
                    exchange.respondEmpty(204);
                })
                .post("/tokens/expire", "admin.tokens.expire", exchange -> {
                    faults.expireAllTokens();
                    exchange.respondEmpty(204);
                })
                .get("/requests", "admin.requests.list", exchange -> exchange.respondJson(200,
                        describe(server.requestLog())))
                .delete("/requests", "admin.requests.clear", exchange -> {
                    server.requestLog().clear();
                    exchange.respondEmpty(204);
                })
                .get("/process", "admin.process", exchange -> exchange.respondJson(200, describeProcess()));
        return admin;
    }

    /** The JSON object of a request to an administration endpoint; 400 when it is not one. */
    public static ObjectNode readObject(Exchange exchange) throws IOException {
        try {
            return JsonCodec.parseObject(exchange.readBody(MAX_BODY));
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, "BadRequest", message);
    }

    private static void addFault(Exchange exchange, Faults faults) throws IOException {
        ObjectNode body = readObject(exchange);
        try {
            FaultScope scope = faults.matching(text(body, "method"), text(body, "path"));
            FaultKind kind = FaultKind.named(body.path("kind").asText());
            int requests = body.path("requests").asInt(1);
            Integer retryAfter = body.hasNonNull("retryAfterSeconds") ? body.get("retryAfterSeconds").asInt() : null;
            switch (kind) {
                case RATE_LIMIT -> scope.rateLimit(requests, retryAfter);
                case SERVICE_UNAVAILABLE -> scope.serviceUnavailable(requests, retryAfter);
                case SLOW -> scope.slow(requests, Duration.ofMillis(body.path("delayMillis").asLong(1000)));
                case DROP_CONNECTION -> scope.dropConnection(requests);
                case GATEWAY_TIMEOUT_AFTER_ACTING -> scope.gatewayTimeoutAfterActing(requests);
                case BAD_GATEWAY_AFTER_ACTING -> scope.badGatewayAfterActing(requests);
                case DROP_AFTER_ACTING -> scope.dropAfterActing(requests);
            }
        } catch (IllegalArgumentException e) { // PatternSyntaxException included
            throw badRequest(e.getMessage());
        }
        exchange.respondJson(201, describe(faults));
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }

    private static ObjectNode describe(Faults faults) {
        ObjectNode json = JsonCodec.object();
        json.put("injected", faults.injectedCount());
        var pending = json.putArray("pending");
        for (PendingFault fault : faults.pending()) {
            ObjectNode item = pending.addObject()
                    .put("kind", fault.kind().name())
                    .put("method", fault.method())
                    .put("path", fault.pathRegex())
                    .put("remaining", fault.remaining());
            if (fault.retryAfterSeconds() != null) {
                item.put("retryAfterSeconds", fault.retryAfterSeconds());
            }
            if (fault.delay() != null) {
                item.put("delayMillis", fault.delay().toMillis());
            }
        }
        return json;
    }

    /** The emulator's own CPU use, so a benchmark can tell whether the emulator or its client was the limit. */
    private static ObjectNode describeProcess() {
        ObjectNode json = JsonCodec.object();
        json.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            json.put("cpuMillis", os.getProcessCpuTime() / 1_000_000);
        }
        return json;
    }

    private static ObjectNode describe(RequestLog log) {
        ObjectNode json = JsonCodec.object();
        var counts = json.putObject("counts");
        log.counts().forEach(counts::put);
        var value = json.putArray("value");
        for (RecordedRequest request : log.entries()) {
            value.addObject()
                    .put("time", request.time().toString())
                    .put("method", request.method())
                    .put("path", request.pathAndQuery())
                    .put("route", request.route())
                    .put("status", request.status())
                    .put("withToken", request.withToken())
                    .put("millis", request.duration().toMillis());
        }
        return json;
    }
}
