/**
 * A JUnit 5 extension that starts a Business Central or Reactor emulator for a test class and injects it, or
 * the connection settings the components need, into fields and parameters marked {@link InjectEmulator}.
 */
package io.deploykit.emulator.junit5;
