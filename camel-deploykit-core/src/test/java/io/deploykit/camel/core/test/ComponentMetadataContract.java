package io.deploykit.camel.core.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What tools (IDEs, Camel JBang, Karavan, the catalog) read about a component: it is an asynchronous, producer-only
 * component. A component module's test extends it with its scheme and a URI that makes a valid endpoint.
 */
public abstract class ComponentMetadataContract {

    private final String scheme;
    private final String uri;

    protected ComponentMetadataContract(String scheme, String uri) {
        this.scheme = scheme;
        this.uri = uri;
    }

    @Test
    public void theGeneratedMetadataSaysAsynchronous() throws Exception {
        try (CatalogCamelContext context = new DefaultCamelContext()) {
            // the JSON Camel's build generated into the jar, found the way Camel's own tooling finds it
            JsonNode component = new ObjectMapper().readTree(context.getComponentParameterJsonSchema(scheme))
                    .get("component");

            assertEquals(scheme, component.get("scheme").asText());
            assertTrue(component.get("async").asBoolean(), "\"async\": true in " + scheme + ".json");
            assertTrue(component.get("producerOnly").asBoolean());
        }
    }

    @Test
    public void itsEndpointsAndProducersAreAsynchronous() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Endpoint endpoint = context.getEndpoint(uri);

            assertInstanceOf(AsyncEndpoint.class, endpoint);
            assertInstanceOf(AsyncProducer.class, endpoint.createProducer());
        }
    }
}
