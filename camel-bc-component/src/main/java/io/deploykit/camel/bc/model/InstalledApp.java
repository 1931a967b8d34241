package io.deploykit.camel.bc.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An app installed on a Business Central environment, as the admin center API's {@code GET apps} lists it.
 *
 * @param state   {@code Installed}, {@code UpdatePending} or {@code Updating}
 * @param appType {@code global}, {@code tenant} (a per-tenant extension) or {@code dev}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstalledApp(String appId, String name, String publisher, String version, String state,
                           String lastOperationId, String lastUpdateAttemptResult, String appType,
                           boolean canBeUninstalled) {
}
