package io.deploykit.camel.core.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.camel.core.json.ApiJson;

/**
 * One record of the journal as a page shows it: which deploy of which operation and scope, its last step and when.
 *
 * @param deploy    the deploy's key, such as {@code customers.rapidstart|1234|...} or {@code release-1|sandbox}
 * @param operation the operation, such as {@code configurationPackage.deploy}, {@code release} or {@code approval}
 * @param scope     what it targets, such as {@code bc:tenant/production/CRONUS}
 * @param step      the last step recorded
 * @param by        the resource id the step recorded (for an approval: who decided), or null
 * @param at        when the step was recorded
 * @param settled   whether its file reached its outcome folder
 */
public record JournalRecord(String deploy, String operation, String scope, String step, String by, Instant at,
                            boolean settled) {

    /** The record of a stored value, or empty for a value {@link DeployJournal} did not write. */
    public static Optional<JournalRecord> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode json = ApiJson.tree(value.getBytes(StandardCharsets.UTF_8));
            String at = ApiJson.text(json, "at");
            if (ApiJson.text(json, "deploy") == null || at == null) {
                return Optional.empty();
            }
            return Optional.of(new JournalRecord(ApiJson.text(json, "deploy"), ApiJson.text(json, "operation"),
                    ApiJson.text(json, "scope"), ApiJson.text(json, "step"), ApiJson.text(json, "id"), Instant.parse(at),
                    json.path(DeployJournal.SETTLED).asBoolean(false)));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
