package io.deploykit.camel.reactor;

import java.util.Map;

import org.apache.camel.Endpoint;
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
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ReactorResource resource = remaining == null || remaining.isBlank() ? null
                : getCamelContext().getTypeConverter().mandatoryConvertTo(ReactorResource.class, remaining);
        ReactorEndpoint endpoint = new ReactorEndpoint(uri, this, resource, configuration.copy());
        setProperties(endpoint, parameters);
        validate(endpoint);
        return endpoint;
    }

    /** A mistake in the options fails the route at start-up, with the option named. */
    private static void validate(ReactorEndpoint endpoint) {
        ReactorConfiguration config = endpoint.getConfiguration();
        if (endpoint.getResource() == null) {
            throw new IllegalArgumentException("A reactor endpoint names its resource: reactor:extensionPackage");
        }
        if (config.getOperation() == null) {
            throw new IllegalArgumentException("The operation option is required for reactor:extensionPackage; one of: "
                                               + java.util.Arrays.toString(ReactorOperation.values()));
        }
        if (config.getBaseUrl() == null || config.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException("The baseUrl option must not be empty");
        }
        config.validate();
        if (!config.hasOAuth()) {
            throw new IllegalArgumentException("No credentials for Adobe Tags: set clientId and clientSecret (OAuth"
                                               + " server-to-server), or accessToken with apiKey");
        }
        if (config.effectiveApiKey() == null || config.effectiveApiKey().isBlank()) {
            throw new IllegalArgumentException("The Reactor API needs an API key: set apiKey (or clientId) with accessToken");
        }
    }

    public ReactorConfiguration getConfiguration() {
        return configuration;
    }

    /** Options shared by all reactor endpoints; each endpoint starts from a copy. */
    public void setConfiguration(ReactorConfiguration configuration) {
        this.configuration = configuration;
    }
}
