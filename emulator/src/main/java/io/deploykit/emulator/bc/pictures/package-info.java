/**
 * Pictures of items, customers, vendors, employees and contacts: the records that can have one, the
 * {@code picture} entity and its content, and the image formats Business Central takes.
 */
package io.deploykit.emulator.bc.pictures;
