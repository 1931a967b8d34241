/**
 * Authentication of Business Central: the Microsoft Entra ID token endpoint (client credentials) and the gate
 * every API request passes, which checks the service root, the Bearer token or Basic credentials.
 */
package io.deploykit.emulator.bc.auth;
