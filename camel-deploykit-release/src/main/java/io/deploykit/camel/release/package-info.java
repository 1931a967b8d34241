/**
 * Releases: an app, the configuration packages that set it up, pictures and a Tags extension, deployed in order to
 * many companies and environments in waves, each step once per scope and target. A release is a folder or a zip
 * with a manifest, {@code release.yaml}, at its root (see {@link io.deploykit.camel.release.manifest.ManifestReader}),
 * validated as a whole before any request ({@link io.deploykit.camel.release.ReleaseValidator}).
 */
package io.deploykit.camel.release;
