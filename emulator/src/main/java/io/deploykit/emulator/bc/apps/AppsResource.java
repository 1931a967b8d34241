package io.deploykit.emulator.bc.apps;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.DigestingOutputStream;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.HeaderParameters;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.http.MultipartReader;
import io.deploykit.emulator.http.RouteGroup;

/**
 * The app routes of the admin center API, under
 * {@code /admin/v2.x/applications/BusinessCentral/environments/{environment}}: {@code apps},
 * {@code apps/pteInstall}, {@code apps/scheduledPteOperations}, {@code apps/{appId}/operations[/{operationId}]},
 * {@code apps/{appId}/removeScheduledPteVersion}, {@code apps/{appId}/uninstall} and
 * {@code apps/{appId}/uninstallRequirements}. Request log route names: {@code apps.list}, {@code apps.pteInstall},
 * {@code apps.scheduled}, {@code apps.operations}, {@code apps.operation}, {@code apps.removeScheduled},
 * {@code apps.uninstall}, {@code apps.uninstallRequirements}.
 */
public final class AppsResource {

    /** The admin center API's root for this environment's apps; {@code env} is checked by the handlers. */
    public static final String ROOT = "/admin/v2\\.(?:29|[3-9]\\d)/applications/BusinessCentral/environments/(?<env>[^/]+)";
    /** "Must have .app file extension and cannot exceed 50MB in size." */
    static final long MAX_APP_BYTES = 50L << 20;
    private static final Set<String> SYNC_MODES = Set.of("Add", "ForceSync");
    private static final int MAX_FIELD_BYTES = 4096;

    private final Function<String, Optional<Apps>> environments;
    private final Path storage;

    /** @param environments the apps of each environment of the tenant, empty for one it does not have */
    public AppsResource(Function<String, Optional<Apps>> environments, Path storage) {
        this.environments = environments;
        this.storage = storage;
    }

    public void install(RouteGroup admin) {
        admin.get("/apps", "apps.list", this::list)
                .post("/apps/pteInstall", "apps.pteInstall", this::pteInstall)
                .get("/apps/scheduledPteOperations", "apps.scheduled", this::scheduled)
                .get("/apps/{appId}/operations", "apps.operations", this::operations)
                .get("/apps/{appId}/operations/{operationId}", "apps.operation", this::operation)
                .post("/apps/{appId}/removeScheduledPteVersion", "apps.removeScheduled", this::removeScheduled)
                .post("/apps/{appId}/uninstall", "apps.uninstall", this::uninstall)
                .get("/apps/{appId}/uninstallRequirements", "apps.uninstallRequirements", this::uninstallRequirements);
    }

    private void list(Exchange exchange) throws IOException {
        Apps apps = apps(exchange);
        ObjectNode body = JsonCodec.object();
        ArrayNode value = body.putArray("value");
        apps.installed().forEach(app -> value.add(app.json()));
        exchange.respondJson(200, body);
    }

    private void pteInstall(Exchange exchange) throws IOException {
        Apps apps = apps(exchange);
        String contentType = exchange.header("Content-Type");
        if (contentType == null || !HeaderParameters.value(contentType).equalsIgnoreCase("multipart/form-data")) {
            throw AdminErrors.invalid("pteInstall takes multipart/form-data with the .app in extensionFile");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Path file = null;
        String sha256 = null;
        try (InputStream body = exchange.openBody(MAX_APP_BYTES + (1 << 20))) {
            MultipartReader reader = new MultipartReader(body, HeaderParameters.parameter(contentType, "boundary"));
            for (Map<String, String> headers = reader.nextPart(); headers != null; headers = reader.nextPart()) {
                String disposition = headers.getOrDefault("content-disposition", "");
                String name = HeaderParameters.parameter(disposition, "name");
                if ("extensionFile".equals(name) && file == null) {
                    String fileName = HeaderParameters.parameter(disposition, "filename");
                    if (fileName == null || !fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".app")) {
                        throw AdminErrors.invalid("The extensionFile must have the .app file extension, not '"
                                                  + fileName + "'");
                    }
                    file = Files.createTempFile(storage, "pte-", ".app");
                    try (DigestingOutputStream out = new DigestingOutputStream(new Capped(Files.newOutputStream(file)))) {
                        reader.transferPart(out);
                        out.close();
                        sha256 = out.sha256();
                    }
                } else if (name != null && fields.size() < 20) {
                    Capped.Buffer value = new Capped.Buffer(MAX_FIELD_BYTES);
                    reader.transferPart(value);
                    fields.put(name, value.text());
                }
            }
            if (file == null) {
                throw AdminErrors.invalid("The request has no extensionFile part holding the .app to upload");
            }
            String schedule = field(fields, "deploymentSchedule", "Immediate", Apps.SCHEDULES);
            String syncMode = field(fields, "syncMode", "Add", SYNC_MODES);
            String languageId = fields.getOrDefault("languageId", "en-US");
            if (!"true".equalsIgnoreCase(fields.get("acceptIsvEula"))) {
                throw AdminErrors.invalid("acceptIsvEula must be true for the installation to proceed");
            }
            AppManifest manifest;
            try (InputStream in = Files.newInputStream(file)) {
                manifest = AppFile.read(in);
            } catch (AppFile.NotAnAppException e) {
                throw AdminErrors.invalid(e.getMessage());
            }
            try {
                AppOperation operation = apps.install(manifest, sha256, schedule, syncMode, languageId,
                        createdBy(exchange));
                exchange.respondJson(200, operation.detailed());
            } catch (AdminErrors.RequirementsMissing e) {
                exchange.respondJson(400, e.json());
            }
        } catch (MultipartReader.MalformedException e) {
            throw AdminErrors.invalid("The multipart body is malformed: " + e.getMessage());
        } catch (Capped.TooLargeException e) {
            throw AdminErrors.invalid("The extensionFile cannot exceed 50MB in size");
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void scheduled(Exchange exchange) throws IOException {
        Apps apps = apps(exchange);
        ObjectNode body = JsonCodec.object();
        ArrayNode value = body.putArray("value");
        for (AppOperation op : apps.scheduled()) {
            ObjectNode item = op.detailed().put("type", "Install");
            item.putObject("parameters").put("appId", op.app.id()).put("targetAppVersion", op.targetVersion())
                    .put("countryCode", "US").put("languageId", op.languageId).put("name", op.app.name())
                    .put("publisher", op.app.publisher()).put("scheduleKind", op.scheduleKind)
                    .put("targetRelease", "27.0.0.0").put("syncMode", op.syncMode);
            value.add(item);
        }
        exchange.respondJson(200, body);
    }

    private void operations(Exchange exchange) throws IOException {
        Apps apps = apps(exchange);
        ObjectNode body = JsonCodec.object();
        ArrayNode value = body.putArray("value");
        apps.operationsOf(exchange.pathParam("appId")).forEach(op -> value.add(op.listed()));
        exchange.respondJson(200, body);
    }

    private void operation(Exchange exchange) throws IOException {
        Apps apps = apps(exchange);
        String id = exchange.pathParam("operationId");
        AppOperation found = apps.operationsOf(exchange.pathParam("appId")).stream()
                .filter(op -> op.id.equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> AdminErrors.notFound("Operation '" + id + "' does not exist for the app '"
                                                        + exchange.pathParam("appId") + "'."));
        exchange.respondJson(200, found.listed());
    }

    private void removeScheduled(Exchange exchange) throws IOException {
        Apps apps = apps(exchange);
        String appId = exchange.pathParam("appId");
        JsonNode request = readObject(exchange);
        String version = request.path("targetVersion").asText("");
        String kind = request.path("scheduleKind").asText("");
        if (version.isEmpty() || !Set.of("NextMinorUpdate", "NextMajorUpdate", "UpdateWindow").contains(kind)) {
            throw AdminErrors.invalid("removeScheduledPteVersion needs targetVersion and a scheduleKind of"
                                      + " NextMinorUpdate, NextMajorUpdate or UpdateWindow");
        }
        AppOperation canceled = apps.removeScheduled(appId, version, kind, createdBy(exchange))
                .orElseThrow(() -> new io.deploykit.emulator.http.HttpError(404, AdminErrors.NOT_FOUND,
                        "App with id '" + appId + "' is not installed on environment or the environment does not"
                        + " exist."));
        exchange.respondJson(200, canceled.detailed());
    }

    private void uninstall(Exchange exchange) throws IOException {
        Apps apps = apps(exchange);
        JsonNode request = readObject(exchange);
        try {
            AppOperation op = apps.uninstall(exchange.pathParam("appId"),
                    request.path("uninstallDependents").asBoolean(false), createdBy(exchange));
            exchange.respondJson(200, op.detailed());
        } catch (AdminErrors.RequirementsMissing e) {
            exchange.respondJson(400, e.json());
        }
    }

    private void uninstallRequirements(Exchange exchange) throws IOException {
        Apps apps = apps(exchange);
        String appId = exchange.pathParam("appId");
        if (apps.installed(appId).isEmpty()) {
            throw AdminErrors.notFound("App with id '" + appId + "' is not installed on environment or the"
                                       + " environment does not exist.");
        }
        ObjectNode body = JsonCodec.object();
        ArrayNode value = body.putArray("value");
        apps.dependents(appId).forEach(d -> value.addObject().put("appId", d.id()).put("name", d.manifest().name())
                .put("publisher", d.manifest().publisher()).put("version", d.version().toString())
                .put("type", d.appType().equals("global") ? "Global" : "PTE")
                .put("EnvironmentAppOperationRequirementType", "Uninstall"));
        exchange.respondJson(200, body);
    }

    /** The apps of the environment the path names: 404 in the admin API's shape when the tenant has none of it. */
    private Apps apps(Exchange exchange) {
        String named = exchange.pathParam("env");
        return environments.apply(named).orElseThrow(() -> AdminErrors.notFound("Environment '" + named
                                                                              + "' does not exist."));
    }

    private static JsonNode readObject(Exchange exchange) throws IOException {
        byte[] body = exchange.readBody(64 * 1024);
        return body.length == 0 ? JsonCodec.object() : JsonCodec.parseObject(body);
    }

    /** An app id for a service principal, as the docs' {@code createdBy} says; an e-mail address for a user. */
    private static String createdBy(Exchange exchange) {
        String principal = exchange.principal() == null ? "" : exchange.principal();
        return principal.substring(principal.indexOf(':') + 1);
    }

    private static String field(Map<String, String> fields, String name, String fallback, Set<String> allowed) {
        String value = fields.getOrDefault(name, fallback);
        if (!allowed.contains(value)) {
            throw AdminErrors.invalid(name + " must be one of " + allowed + ", not '" + value + "'");
        }
        return value;
    }

    /** Stops a part once it is over the 50 MB of an app. */
    private static final class Capped extends FilterOutputStream {

        private long written;

        Capped(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            written += length;
            if (written > MAX_APP_BYTES) {
                throw new TooLargeException();
            }
            out.write(bytes, offset, length);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        static final class TooLargeException extends IOException {
        }

        /** A short text field, bounded. */
        static final class Buffer extends OutputStream {
            private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            private final int max;

            Buffer(int max) {
                this.max = max;
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (bytes.size() + len > max) {
                    throw new MultipartReader.MalformedException("a form field is longer than " + max + " bytes");
                }
                bytes.write(b, off, len);
            }

            String text() {
                return bytes.toString(java.nio.charset.StandardCharsets.UTF_8).trim();
            }
        }
    }
}
