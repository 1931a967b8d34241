package io.deploykit.emulator.bc.pictures;

/**
 * The picture of an item, customer, vendor, employee or contact.
 *
 * @param parentId   the id of the record it belongs to (also the picture's id)
 * @param parentType {@code Item}, {@code Customer}, {@code Vendor}, {@code Employee} or {@code Contact}
 * @param size       the size of the image in bytes
 */
public record PictureSnapshot(String parentId, String parentType, String number, int width, int height,
                              String contentType, long size, String etag) {
}
