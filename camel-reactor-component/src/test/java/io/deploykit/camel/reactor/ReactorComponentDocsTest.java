package io.deploykit.camel.reactor;

import io.deploykit.build.ComponentDocsContract;

/** src/main/docs/reactor-component.adoc is current with the component's options (see {@link ComponentDocsContract}). */
class ReactorComponentDocsTest extends ComponentDocsContract {

    ReactorComponentDocsTest() {
        super("reactor", "Adobe Tags (Reactor)");
    }
}
