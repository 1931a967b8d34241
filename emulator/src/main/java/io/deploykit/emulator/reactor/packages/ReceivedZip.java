package io.deploykit.emulator.reactor.packages;

import java.nio.file.Path;

/**
 * The zip of a create or an update, received into a file of its own.
 *
 * @param sha256 the SHA-256 of its content, hashed as it was written, lower-case hexadecimal
 */
record ReceivedZip(Path file, String sha256) {
}
