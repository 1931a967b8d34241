/**
 * What Reactor checks in an uploaded extension package zip: its extension.json manifest, the files the
 * manifest names, semantic versions, and the processing errors a package is rejected with.
 */
package io.deploykit.emulator.reactor.manifest;
