/**
 * The Adobe Tags (Reactor) emulator: {@link io.deploykit.emulator.reactor.ReactorEmulator} with its builder, the
 * faults that can be injected into it, its administration endpoints, and the history of the uploads and releases
 * it accepted.
 */
package io.deploykit.emulator.reactor;
