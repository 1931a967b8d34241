package io.deploykit.camel.bc;

import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

import io.deploykit.camel.core.support.DeployKitComponent;

/** The {@code bc:} component: Microsoft Dynamics 365 Business Central configuration packages and pictures. */
@Component("bc")
@ManagedResource(description = "Business Central component: operations, deploys, job waits, uploads, tokens and retries")
public class BcComponent extends DeployKitComponent {

    @Metadata(description = "Options shared by all bc endpoints; each endpoint starts from a copy")
    private BcConfiguration configuration = new BcConfiguration();

    @Override
    protected BcEndpoint newEndpoint(String uri, String path) throws Exception {
        return new BcEndpoint(uri, this, BcEndpoint.OPERATIONS.resource(getCamelContext(), path), configuration.copy());
    }

    public BcConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BcConfiguration configuration) {
        this.configuration = configuration;
    }
}
