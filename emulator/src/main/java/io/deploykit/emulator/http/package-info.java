/**
 * The small HTTP server both emulators are built on: routing, request and response handling, error formats,
 * fault injection, the request log, the common administration endpoints, token issuing and JSON.
 */
package io.deploykit.emulator.http;
