package io.deploykit.emulator.reactor;

import java.time.Instant;

/**
 * A {@code release_private} the API accepted: the package became private, whatever the client was answered.
 *
 * @param at when it was accepted
 */
public record PackageRelease(String packageId, String name, String platform, String version, Instant at) {
}
