package io.deploykit.emulator.reactor;

import java.time.Instant;

/**
 * A zip upload the API accepted, by a create ({@code POST /extension_packages}) or an update (a new zip for a
 * development package), whatever the client was answered and however its processing ends.
 *
 * @param name     the extension's name in the zip's manifest; null when it cannot be read (so too the platform and
 *                 version)
 * @param sha256   the SHA-256 of the zip as stored, lower-case hexadecimal
 * @param created  true for a create, false for an update
 * @param at       when it was accepted
 */
public record AcceptedUpload(String packageId, String name, String platform, String version, String sha256,
                            boolean created, Instant at) {
}
