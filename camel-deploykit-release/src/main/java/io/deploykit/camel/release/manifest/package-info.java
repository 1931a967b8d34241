/** The manifest of a release, {@code release.yaml}: its id, its steps in order, its targets in waves. */
package io.deploykit.camel.release.manifest;
