package io.deploykit.camel.bc;

import static io.deploykit.camel.bc.BcApi.json;
import static io.deploykit.camel.bc.BcApi.key;
import static io.deploykit.camel.bc.BcApi.values;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.hc.core5.http.ContentType;

import io.deploykit.camel.bc.model.AppOperation;
import io.deploykit.camel.bc.model.InstalledApp;
import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.http.ApiClient;
import io.deploykit.camel.core.http.HttpCall;
import io.deploykit.camel.core.http.RequestBody;
import io.deploykit.camel.core.json.ApiJson;

/**
 * The requests on apps, to the Business Central admin center API
 * ({@code <host>/admin/<version>/applications/BusinessCentral/environments/<environment>}), one method each. Same
 * host, token and client as the v2.0 API.
 */
final class AdminCenterApi {

    private static final ContentType APP = ContentType.APPLICATION_OCTET_STREAM;

    private final ApiClient client;
    private final String root;

    AdminCenterApi(ApiClient client, String environmentRoot) {
        this.client = client;
        this.root = environmentRoot;
    }

    CompletableFuture<List<InstalledApp>> installedApps() {
        return client.send(json(HttpCall.get(uri("/apps"))))
                .thenApply(result -> values(result).stream().map(v -> ApiJson.convert(v, InstalledApp.class)).toList());
    }

    CompletableFuture<Optional<InstalledApp>> installedApp(String appId) {
        return installedApps().thenApply(apps -> apps.stream().filter(app -> appId.equalsIgnoreCase(app.appId()))
                .findFirst());
    }

    /** Uploads and installs or schedules the app. Not idempotent: never sent twice blindly. */
    CompletableFuture<AppOperation> pteInstall(UploadBody app, Map<String, String> fields) {
        HttpCall call = HttpCall.post(uri("/apps/pteInstall"), RequestBody.multipartFile("extensionFile", app, APP,
                fields)).idempotent(false);
        return client.send(json(call)).thenApply(result -> ApiJson.read(result.body(), AppOperation.class));
    }

    CompletableFuture<List<AppOperation>> operations(String appId, Instant deadline) {
        HttpCall call = json(HttpCall.get(uri("/apps/" + key(appId) + "/operations"))).until(deadline);
        return client.send(call).thenApply(result -> values(result).stream()
                .map(v -> ApiJson.convert(v, AppOperation.class)).toList());
    }

    CompletableFuture<AppOperation> operation(String appId, String operationId, Instant deadline) {
        HttpCall call = json(HttpCall.get(uri("/apps/" + key(appId) + "/operations/" + key(operationId))))
                .until(deadline);
        return client.send(call).thenApply(result -> single(result.body()));
    }

    CompletableFuture<AppOperation> uninstall(String appId, boolean dependents, boolean deleteData,
                                              boolean useUpdateWindow) {
        String body = "{\"useEnvironmentUpdateWindow\":" + useUpdateWindow + ",\"uninstallDependents\":" + dependents
                      + ",\"deleteData\":" + deleteData + "}";
        HttpCall call = HttpCall.post(uri("/apps/" + key(appId) + "/uninstall"),
                RequestBody.json(body, ContentType.APPLICATION_JSON)).idempotent(false);
        return client.send(json(call)).thenApply(result -> ApiJson.read(result.body(), AppOperation.class));
    }

    CompletableFuture<AppOperation> removeScheduledPteVersion(String appId, String targetVersion, String scheduleKind) {
        String body = ApiJson.MAPPER.createObjectNode().put("targetVersion", targetVersion)
                .put("scheduleKind", scheduleKind).toString();
        HttpCall call = HttpCall.post(uri("/apps/" + key(appId) + "/removeScheduledPteVersion"),
                RequestBody.json(body, ContentType.APPLICATION_JSON));
        return client.send(json(call)).thenApply(result -> ApiJson.read(result.body(), AppOperation.class));
    }

    /** The operations page answers one operation as itself, or inside {@code value}: both are read. */
    private static AppOperation single(byte[] body) {
        JsonNode tree = ApiJson.tree(body);
        JsonNode value = tree.path("value");
        return ApiJson.convert(value.isArray() && !value.isEmpty() ? value.get(0) : tree, AppOperation.class);
    }

    private URI uri(String path) {
        return URI.create(root + path);
    }
}
