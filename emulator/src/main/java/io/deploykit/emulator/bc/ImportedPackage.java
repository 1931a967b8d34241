package io.deploykit.emulator.bc;

import java.time.Instant;

/**
 * An import that started: {@code Microsoft.NAV.import} was accepted and the package's importStatus set to
 * {@code Scheduled}, whatever the client was answered and however the import ends.
 *
 * @param packageCode the package's code, upper case as stored
 * @param sha256      the SHA-256 of the RapidStart file being imported, lower-case hexadecimal
 * @param at          when the import was accepted
 */
public record ImportedPackage(String companyId, String packageId, String packageCode, String sha256, Instant at) {
}
