package io.deploykit.camel.reactor;

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

/** What tools (IDEs, Camel JBang, Karavan, the catalog) read about reactor: it is an asynchronous, producer-only component. */
class ReactorComponentMetadataTest {

    @Test
    void theGeneratedMetadataSaysAsynchronous() throws Exception {
        try (CatalogCamelContext context = new DefaultCamelContext()) {
            // the JSON Camel's build generated into the jar, found the way Camel's own tooling finds it
            JsonNode component = new ObjectMapper().readTree(context.getComponentParameterJsonSchema("reactor"))
                    .get("component");

            assertEquals("reactor", component.get("scheme").asText());
            assertTrue(component.get("async").asBoolean(), "\"async\": true in reactor.json");
            assertTrue(component.get("producerOnly").asBoolean());
        }
    }

    @Test
    void itsEndpointsAndProducersAreAsynchronous() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Endpoint endpoint = context.getEndpoint("reactor:extensionPackage?operation=list&accessToken=t&apiKey=k&imsOrgId=o");

            assertInstanceOf(AsyncEndpoint.class, endpoint);
            assertInstanceOf(AsyncProducer.class, endpoint.createProducer());
        }
    }
}
