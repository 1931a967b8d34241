/**
 * Emulators of the services DeployKit deploys to, Microsoft Dynamics 365 Business Central and Adobe Experience
 * Platform Tags (Reactor), to run embedded in tests or standalone ({@link io.deploykit.emulator.EmulatorMain}).
 */
package io.deploykit.emulator;
