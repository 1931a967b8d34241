package io.deploykit.camel.release;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.deploykit.camel.release.manifest.ReleaseManifest;
import io.deploykit.camel.release.manifest.ReleaseStep;

/**
 * A release whose manifest and files were all checked: each step with the files it deploys, in the order they are
 * sent (apps in dependency order, pictures by name).
 */
public record ValidRelease(ReleaseBundle bundle, ReleaseManifest manifest, Map<Integer, List<Path>> filesByStep) {

    public List<Path> files(ReleaseStep step) {
        return filesByStep.getOrDefault(step.number(), List.of());
    }
}
