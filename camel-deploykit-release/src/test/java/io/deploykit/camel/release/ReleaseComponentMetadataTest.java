package io.deploykit.camel.release;

import io.deploykit.camel.core.test.ComponentMetadataContract;

/** What tools read about release: it is an asynchronous, producer-only component (see {@link ComponentMetadataContract}). */
class ReleaseComponentMetadataTest extends ComponentMetadataContract {

    ReleaseComponentMetadataTest() {
        super("release", "release:deploy?redo=true");
    }
}
