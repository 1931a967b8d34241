/**
 * What the {@code bc:app} endpoints know of a Business Central app (a per-tenant extension) before any request: its
 * {@code .app} file read with bounds ({@link io.deploykit.camel.bc.app.AppPackage}), its manifest and four-part
 * version. The requests themselves go to the admin center API (v2.29+, {@code pteInstall}), on the host of the v2.0
 * API with the same token: see {@code AppProducer} and {@code AdminCenterApi} in the component's package.
 */
package io.deploykit.camel.bc.app;
