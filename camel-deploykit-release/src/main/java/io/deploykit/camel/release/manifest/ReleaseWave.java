package io.deploykit.camel.release.manifest;

import java.time.Duration;
import java.util.List;

/**
 * Targets deployed together; a wave starts once the one before it succeeded on every target.
 *
 * @param name            as reports name it
 * @param targets         deployed concurrently, within the services' limits
 * @param approvalTimeout with a gate, how long the wave waits for its approval before it fails; null: no gate
 */
public record ReleaseWave(String name, List<ReleaseTarget> targets, Duration approvalTimeout) {

    public boolean gated() {
        return approvalTimeout != null;
    }
}
