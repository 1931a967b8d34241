package io.deploykit.camel.reactor;

import io.deploykit.camel.core.test.ComponentMetadataContract;

/**
 * What tools read about reactor: it is an asynchronous, producer-only component (see
 * {@link ComponentMetadataContract}).
 */
class ReactorComponentMetadataTest extends ComponentMetadataContract {

    ReactorComponentMetadataTest() {
        super("reactor", "reactor:extensionPackage?operation=list&accessToken=t&apiKey=k&imsOrgId=o");
    }
}
