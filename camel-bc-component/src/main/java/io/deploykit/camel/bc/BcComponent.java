package io.deploykit.camel.bc;

import java.util.Map;

import org.apache.camel.Endpoint;
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
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BcResource resource = remaining == null || remaining.isBlank() ? null
                : getCamelContext().getTypeConverter().mandatoryConvertTo(BcResource.class, remaining);
        BcEndpoint endpoint = new BcEndpoint(uri, this, resource, configuration.copy());
        setProperties(endpoint, parameters);
        BcEndpointValidation.validate(endpoint.getResource(), endpoint.getConfiguration());
        return endpoint;
    }

    public BcConfiguration getConfiguration() {
        return configuration;
    }

    /** Options shared by all bc endpoints; each endpoint starts from a copy. */
    public void setConfiguration(BcConfiguration configuration) {
        this.configuration = configuration;
    }
}
