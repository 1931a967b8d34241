package io.deploykit.emulator.reactor.manifest;

import java.util.List;

/**
 * What processing found in a package's zip.
 *
 * @param manifest the manifest it read, or null when it could not read one
 * @param errors   why the package failed; empty when it succeeded
 */
public record Inspection(Manifest manifest, List<ProcessingError> errors) {

    public Inspection {
        errors = List.copyOf(errors);
    }

    public static Inspection failed(ProcessingError error) {
        return new Inspection(null, List.of(error));
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }
}
