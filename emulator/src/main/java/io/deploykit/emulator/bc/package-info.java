/**
 * The Business Central emulator: {@link io.deploykit.emulator.bc.BcEmulator} with its builder, the faults that
 * can be injected into it, its administration endpoints, and the history of the imports, applies and pictures it
 * accepted.
 */
package io.deploykit.emulator.bc;
