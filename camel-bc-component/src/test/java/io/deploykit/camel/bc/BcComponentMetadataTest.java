package io.deploykit.camel.bc;

import io.deploykit.camel.core.test.ComponentMetadataContract;

/** What tools read about bc: it is an asynchronous, producer-only component (see {@link ComponentMetadataContract}). */
class BcComponentMetadataTest extends ComponentMetadataContract {

    BcComponentMetadataTest() {
        super("bc", "bc:configurationPackage?operation=list&baseUrl=https://bc.example.com&companyId=c1&accessToken=t");
    }
}
