package io.deploykit.emulator.bc.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.JsonCodec;

/** An app installed on the environment, as {@code GET apps} lists it. */
public record InstalledApp(AppManifest manifest, String appType, String lastOperationId,
                           String lastUpdateAttemptResult) {

    /** A Microsoft app every environment has; it cannot be uninstalled. */
    static InstalledApp global(String id, String name, String version) {
        return new InstalledApp(new AppManifest(id, name, "Microsoft", AppVersion.parse(version),
                java.util.List.of()), "global", null, null);
    }

    public String id() {
        return manifest.id();
    }

    public AppVersion version() {
        return manifest.version();
    }

    ObjectNode json() {
        return JsonCodec.object().put("appId", id()).put("name", manifest.name()).put("publisher", manifest.publisher())
                .put("version", version().toString()).put("state", "Installed")
                .put("lastOperationId", lastOperationId).put("lastUpdateAttemptResult", lastUpdateAttemptResult)
                .put("appType", appType).put("canBeUninstalled", !appType.equals("global"));
    }
}
