package io.deploykit.camel.reactor;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.util.ObjectHelper;

import io.deploykit.camel.core.auth.Authenticator;
import io.deploykit.camel.core.http.ErrorDecoder;
import io.deploykit.camel.core.support.DeployKitEndpoint;
import io.deploykit.camel.core.support.OperationResolver;

/**
 * Deploy extension packages to Adobe Experience Platform Tags through the Reactor API.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "reactor", title = "Adobe Tags (Reactor)", syntax = "reactor:resource",
             producerOnly = true, category = { Category.CLOUD, Category.API }, headersClass = ReactorConstants.class)
@ManagedResource(description = "Adobe Tags endpoint: its target and the state of its producer health check")
public class ReactorEndpoint extends DeployKitEndpoint<ReactorResource, ReactorOperation> {

    static final OperationResolver<ReactorResource, ReactorOperation> OPERATIONS = new OperationResolver<>("reactor",
            ReactorResource.class, ReactorOperation.class, ReactorConstants.OPERATION);

    @UriPath(description = "What to work on: extensionPackage")
    @Metadata(required = true)
    private ReactorResource resource;
    @UriParam
    private ReactorConfiguration configuration;

    private ReactorApi api;

    public ReactorEndpoint(String uri, ReactorComponent component, ReactorResource resource,
                           ReactorConfiguration configuration) {
        super(uri, component, OPERATIONS);
        this.resource = resource;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new ExtensionPackageProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The reactor component only sends: use it in to(), not in from()");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        api = new ReactorApi(getApiClient(), configuration.getBaseUrl(), configuration.effectiveApiKey(),
                configuration.getImsOrgId());
    }

    @Override
    protected void doStop() throws Exception {
        api = null;
        super.doStop();
    }

    @Override
    public ReactorResource getResource() {
        return resource;
    }

    public void setResource(ReactorResource resource) {
        this.resource = resource;
    }

    @Override
    public ReactorConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(ReactorConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected ReactorOperation operationOption() {
        return configuration.getOperation();
    }

    /** Adobe Tags takes OAuth only, and every request carries an API key. */
    @Override
    protected void validateOptions() {
        if (!configuration.hasOAuth()) {
            throw new IllegalArgumentException("No credentials for Adobe Tags: set clientId and clientSecret (OAuth"
                                               + " server-to-server), or accessToken with apiKey");
        }
        if (ObjectHelper.isEmpty(configuration.effectiveApiKey())) {
            throw new IllegalArgumentException("The Reactor API needs an API key: set apiKey (or clientId) with accessToken");
        }
    }

    ReactorApi api() {
        return api;
    }

    /** One page of one extension package: a token can be had and the API answers for this organisation. */
    @Override
    protected CompletableFuture<?> healthProbe(Instant deadline) {
        return api.probe(deadline);
    }

    @Override
    protected ErrorDecoder errorDecoder() {
        return ReactorErrors::decode;
    }

    @Override
    protected Authenticator authenticator() {
        return clientCredentialsOrToken(configuration.getTokenUrl(), configuration.getScope());
    }

    @Override
    protected String userAgent() {
        return "DeployKit-reactor/0.1";
    }

    @Override
    protected String deployTarget() {
        return "reactor " + configuration.getBaseUrl() + " org " + configuration.getImsOrgId();
    }
}
