package io.deploykit.camel.bc;

import io.deploykit.build.ComponentDocsContract;

/** src/main/docs/bc-component.adoc is current with the component's options (see {@link ComponentDocsContract}). */
class BcComponentDocsTest extends ComponentDocsContract {

    BcComponentDocsTest() {
        super("bc", "Business Central");
    }
}
