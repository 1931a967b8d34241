package io.deploykit.emulator.bc.apps;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.JsonCodec;

/**
 * One install or uninstall of an app. The admin center API writes it two ways: the {@code pteInstall},
 * {@code removeScheduledPteVersion} and {@code scheduledPteOperations} answers with lower-case statuses and
 * {@code sourceAppVersion}/{@code targetAppVersion}; the app's operations list with capitalised statuses and
 * {@code sourceVersion}/{@code targetVersion}. Guarded by {@link Apps}' lock.
 */
final class AppOperation {

    enum Status { SCHEDULED, RUNNING, SUCCEEDED, FAILED, CANCELED, SKIPPED }

    final String id;
    final String type;
    final AppManifest app;
    final String sourceVersion;
    final String scheduleKind;
    final String syncMode;
    final String languageId;
    final String createdBy;
    final String tenantId;
    final Instant createdOn;
    Status status;
    Instant startedOn;
    Instant completedOn;
    String errorMessage = "";
    String canceledBy = "";

    AppOperation(String id, String type, AppManifest app, String sourceVersion, String scheduleKind, String syncMode,
                 String languageId, String createdBy, String tenantId, Instant createdOn) {
        this.id = id;
        this.type = type;
        this.app = app;
        this.sourceVersion = sourceVersion;
        this.scheduleKind = scheduleKind;
        this.syncMode = syncMode;
        this.languageId = languageId;
        this.createdBy = createdBy;
        this.tenantId = tenantId;
        this.createdOn = createdOn;
    }

    String targetVersion() {
        return type.equals("uninstall") ? "" : app.version().toString();
    }

    /** As {@code pteInstall} and the scheduled-operation endpoints answer it. */
    ObjectNode detailed() {
        ObjectNode json = JsonCodec.object().put("id", id).put("type", type).put("sourceAppVersion", sourceVersion)
                .put("targetAppVersion", targetVersion()).put("status", status.name().toLowerCase(Locale.ROOT))
                .put("createdOn", createdOn.toString());
        if (startedOn != null) {
            json.put("startedOn", startedOn.toString());
        }
        if (completedOn != null) {
            json.put("completedOn", completedOn.toString());
        }
        return json.put("errorMessage", errorMessage).put("createdBy", createdBy).put("canceledBy", canceledBy)
                .put("creatorPrincipalType", createdBy.contains("@") ? "User" : "App").put("appId", app.id())
                .put("aadTenantId", tenantId).put("scheduleKind", scheduleKind);
    }

    /** As the app's operations list answers it. */
    ObjectNode listed() {
        String name = status.name();
        ObjectNode json = JsonCodec.object().put("id", id).put("createdOn", createdOn.toString());
        json.put("startedOn", startedOn == null ? null : startedOn.toString());
        json.put("completedOn", completedOn == null ? null : completedOn.toString());
        return json.put("status", name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT))
                .put("sourceVersion", sourceVersion).put("targetVersion", targetVersion()).put("type", type)
                .put("errorMessage", errorMessage);
    }
}
