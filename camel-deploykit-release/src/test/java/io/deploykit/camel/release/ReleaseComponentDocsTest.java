package io.deploykit.camel.release;

import io.deploykit.build.ComponentDocsContract;

/** src/main/docs/release-component.adoc is current with the component's options (see {@link ComponentDocsContract}). */
class ReleaseComponentDocsTest extends ComponentDocsContract {

    ReleaseComponentDocsTest() {
        super("release", "DeployKit Release");
    }
}
