package io.deploykit.camel.release.manifest;

import java.util.List;

/**
 * What {@code release.yaml} says: the release's id, its steps in order, its targets in waves.
 *
 * @param id    names the release in journals and reports: the same id dropped again continues it
 * @param steps run in this order on each target
 * @param waves run one after the other
 */
public record ReleaseManifest(String id, List<ReleaseStep> steps, List<ReleaseWave> waves) {
}
