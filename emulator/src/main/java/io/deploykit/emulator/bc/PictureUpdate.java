package io.deploykit.emulator.bc;

import java.time.Instant;

/**
 * A picture content upload that was accepted and stored, whatever the client was answered.
 *
 * @param parentType the entity set of the record: {@code items}, {@code customers}, {@code vendors},
 *                   {@code employees} or {@code contacts}
 * @param parentId   the id of the record (also the picture's id)
 * @param sha256     the SHA-256 of the stored image, lower-case hexadecimal
 * @param at         when it was stored
 */
public record PictureUpdate(String companyId, String parentType, String parentId, String sha256, Instant at) {
}
