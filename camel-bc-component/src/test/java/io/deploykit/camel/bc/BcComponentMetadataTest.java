package io.deploykit.camel.bc;

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

/** What tools (IDEs, Camel JBang, Karavan, the catalog) read about bc: it is an asynchronous, producer-only component. */
class BcComponentMetadataTest {

    @Test
    void theGeneratedMetadataSaysAsynchronous() throws Exception {
        try (CatalogCamelContext context = new DefaultCamelContext()) {
            // the JSON Camel's build generated into the jar, found the way Camel's own tooling finds it
            JsonNode component = new ObjectMapper().readTree(context.getComponentParameterJsonSchema("bc"))
                    .get("component");

            assertEquals("bc", component.get("scheme").asText());
            assertTrue(component.get("async").asBoolean(), "\"async\": true in bc.json");
            assertTrue(component.get("producerOnly").asBoolean());
        }
    }

    @Test
    void itsEndpointsAndProducersAreAsynchronous() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Endpoint endpoint = context.getEndpoint("bc:configurationPackage?operation=list&baseUrl=https://bc.example.com"
                                                    + "&companyId=c1&accessToken=t");

            assertInstanceOf(AsyncEndpoint.class, endpoint);
            assertInstanceOf(AsyncProducer.class, endpoint.createProducer());
        }
    }
}
