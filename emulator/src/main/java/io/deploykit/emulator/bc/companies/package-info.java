/**
 * The companies of the emulated environment and the records each holds, with the {@code companies} entity set
 * and the demo data they start with.
 */
package io.deploykit.emulator.bc.companies;
