package io.deploykit.camel.release;

import java.util.Arrays;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.DefaultComponent;

/** The {@code release:} component: releases deployed in order, in waves, through the bc: and reactor: components. */
@Component("release")
public class ReleaseComponent extends DefaultComponent {

    @Metadata(description = "Options shared by all release endpoints; each endpoint starts from a copy")
    private ReleaseConfiguration configuration = new ReleaseConfiguration();
    /** Approvals without a stateRepository: shared by this component's endpoints, lost with the application. */
    private final MemoryStateRepository localApprovals = new MemoryStateRepository();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ReleaseOperation operation;
        try {
            operation = ReleaseOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("release:" + remaining + " names no operation; use one of "
                                               + Arrays.toString(ReleaseOperation.values()) + ", as release:deploy");
        }
        ReleaseEndpoint endpoint = new ReleaseEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    StateRepository<String, String> localApprovals() {
        return localApprovals;
    }

    public ReleaseConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ReleaseConfiguration configuration) {
        this.configuration = configuration;
    }
}
