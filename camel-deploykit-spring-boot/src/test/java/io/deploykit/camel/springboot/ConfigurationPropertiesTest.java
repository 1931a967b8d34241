package io.deploykit.camel.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.bc.springboot.BcComponentConfiguration;
import io.deploykit.camel.reactor.ReactorComponent;
import io.deploykit.camel.reactor.springboot.ReactorComponentConfiguration;

/**
 * The properties are bound to the configuration classes, which are beans as in Camel's starters (an application can
 * read them; the actuator's configprops endpoint lists them), and Camel's customizer switch is honoured.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
        "camel.component.bc.poll-interval=7s",
        "camel.component.bc.max-retries=2",
        "camel.component.bc.fail-on-record-errors=false",
        "camel.component.reactor.customizer.enabled=false",
        "camel.component.reactor.ims-org-id=ORG1@AdobeOrg"})
class ConfigurationPropertiesTest {

    @Autowired
    BcComponentConfiguration bc;

    @Autowired
    ReactorComponentConfiguration reactor;

    @Autowired
    CamelContext camelContext;

    @Test
    void thePropertiesAreBoundToTheConfigurationBeanWithTheComponentDefaultsForTheRest() {
        assertEquals("7s", bc.getPollInterval());
        assertEquals(2, bc.getMaxRetries());
        assertEquals(false, bc.getFailOnRecordErrors());
        assertEquals("https://api.businesscentral.dynamics.com/v2.0", bc.getBaseUrl());
        assertEquals("30m", bc.getTimeout());

        assertEquals(7_000, camelContext.getComponent("bc", BcComponent.class).getConfiguration().getPollInterval());
    }

    @Test
    void aComponentWhoseCustomizerIsSwitchedOffIsLeftToItsUris() {
        assertEquals("ORG1@AdobeOrg", reactor.getImsOrgId());
        assertNull(camelContext.getComponent("reactor", ReactorComponent.class).getConfiguration().getImsOrgId());
    }
}
