package io.deploykit.camel.reactor;

import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

import io.deploykit.camel.core.support.DeployKitComponent;

/** The {@code reactor:} component: Adobe Experience Platform Tags extension packages. */
@Component("reactor")
@ManagedResource(description = "Adobe Tags component: operations, deploys, processing waits, uploads, tokens and retries")
public class ReactorComponent extends DeployKitComponent {

    @Metadata(description = "Options shared by all reactor endpoints; each endpoint starts from a copy")
    private ReactorConfiguration configuration = new ReactorConfiguration();

    @Override
    protected ReactorEndpoint newEndpoint(String uri, String path) throws Exception {
        return new ReactorEndpoint(uri, this, ReactorEndpoint.OPERATIONS.resource(getCamelContext(), path),
                configuration.copy());
    }

    public ReactorConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ReactorConfiguration configuration) {
        this.configuration = configuration;
    }
}
