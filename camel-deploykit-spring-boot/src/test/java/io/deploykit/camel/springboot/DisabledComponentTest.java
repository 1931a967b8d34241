package io.deploykit.camel.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.reactor.ReactorComponent;

/** {@code camel.component.bc.enabled=false} leaves bc to its URIs (even a misspelt property is ignored), not reactor. */
@SpringBootTest(classes = TestApplication.class, properties = {
        "camel.component.bc.enabled=false",
        "camel.component.bc.tenant-id=contoso.onmicrosoft.com",
        "camel.component.bc.tenant-idd=ignored-with-the-rest",
        "camel.component.reactor.ims-org-id=ORG1@AdobeOrg"})
class DisabledComponentTest {

    @Autowired
    CamelContext camelContext;

    @Autowired
    ApplicationContext application;

    @Test
    void theDisabledComponentIsNotConfigured() {
        assertNull(camelContext.getComponent("bc", BcComponent.class).getConfiguration().getTenantId());
        assertFalse(application.containsBean("bcComponentCustomizer"));
    }

    @Test
    void theOtherComponentStillIs() {
        assertTrue(application.containsBean("reactorComponentCustomizer"));
        assertEquals("ORG1@AdobeOrg",
                camelContext.getComponent("reactor", ReactorComponent.class).getConfiguration().getImsOrgId());
    }
}
