package io.deploykit.emulator.bc;

import java.time.Instant;

/**
 * An apply that started: {@code Microsoft.NAV.apply} was accepted and the package's applyStatus set to
 * {@code Scheduled}, whatever the client was answered and however the apply ends.
 *
 * @param packageCode the package's code, upper case as stored
 * @param sha256      the SHA-256 of the package's RapidStart file stored at that moment, lower-case hexadecimal
 * @param at          when the apply was accepted
 */
public record AppliedPackage(String companyId, String packageId, String packageCode, String sha256, Instant at) {
}
