package io.deploykit.emulator.bc.companies;

/** A company of the emulated environment, as {@code GET /companies} lists it. */
public record Company(String id, String name, String displayName) {
}
