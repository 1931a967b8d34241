package io.deploykit.emulator.bc.apps;

import java.time.Instant;

/** An app file {@code pteInstall} accepted: what it is, when, and the SHA-256 of the uploaded {@code .app}. */
public record AppInstall(String appId, String version, String operationId, String scheduleKind, String sha256,
                         Instant at) {
}
