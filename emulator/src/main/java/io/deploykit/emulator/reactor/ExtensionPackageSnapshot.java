package io.deploykit.emulator.reactor;

import java.time.Instant;
import java.util.List;

import io.deploykit.emulator.reactor.manifest.ProcessingError;

/**
 * An extension package as it is at one moment.
 *
 * @param name         from the package's extension.json; null while the emulator could not read one
 * @param version      likewise
 * @param platform     likewise: {@code web} or {@code edge}
 * @param availability {@code development}, {@code private} or {@code public}
 * @param status       {@code pending}, {@code succeeded} or {@code failed}
 * @param errors       why the latest processing failed; empty unless {@code failed}
 */
public record ExtensionPackageSnapshot(String id, String name, String version, String platform, String availability,
                                       String status, boolean discontinued, List<ProcessingError> errors,
                                       Instant createdAt, Instant updatedAt) {

    public ExtensionPackageSnapshot {
        errors = List.copyOf(errors);
    }
}
