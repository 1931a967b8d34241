/**
 * The directory an emulator keeps its files in, owned by one running emulator at a time.
 */
package io.deploykit.emulator.storage;
