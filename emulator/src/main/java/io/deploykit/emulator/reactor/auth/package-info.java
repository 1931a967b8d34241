/**
 * Authentication of the Reactor API: the Adobe IMS token endpoint (client credentials) and the gate every API
 * request passes, which checks the IMS access token and the versioned Accept header.
 */
package io.deploykit.emulator.reactor.auth;
