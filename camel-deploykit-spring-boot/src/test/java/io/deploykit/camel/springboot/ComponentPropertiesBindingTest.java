package io.deploykit.camel.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfiguration;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.bc.BcConfiguration;
import io.deploykit.camel.bc.BcOperation;
import io.deploykit.camel.bc.BcParentType;
import io.deploykit.camel.reactor.ReactorComponent;
import io.deploykit.camel.reactor.ReactorConfiguration;
import io.deploykit.camel.reactor.ReactorOperation;

/** Every kind of value, the spellings Spring Boot allows, and both components. */
@SpringBootTest(classes = {TestApplication.class, ComponentPropertiesBindingTest.Tls.class}, properties = {
        "camel.component.bc.tenant-id=contoso.onmicrosoft.com",
        "camel.component.bc.companyName=CRONUS USA, Inc.",
        "camel.component.bc.poll-interval=7s",
        "camel.component.bc.timeout=2h",
        "camel.component.bc.operation=import",
        "camel.component.bc.parent-type=customers",
        "camel.component.bc.fail-on-record-errors=false",
        "camel.component.bc.max-retries=2",
        "camel.component.bc.proxy-port=3128",
        "camel.component.bc.client-id=app-1",
        "camel.component.bc.ssl-context-parameters=#bean:deployKitTls",
        "camel.component.reactor.ims-org-id=ORG1@AdobeOrg",
        "camel.component.reactor.timeout=7s",
        "camel.component.reactor.operation=releasePrivate",
        "camel.component.reactor.client-secret=reactor-secret",
        "camel.component.reactor.wait-for-completion=false"})
@ContextConfiguration(initializers = ComponentPropertiesBindingTest.OsEnvironment.class)
class ComponentPropertiesBindingTest {

    @Autowired
    CamelContext camelContext;

    @Autowired
    SSLContextParameters deployKitTls;

    @Test
    void bcOptionsAreConvertedByCamel() {
        BcConfiguration config = camelContext.getComponent("bc", BcComponent.class).getConfiguration();

        assertEquals("CRONUS USA, Inc.", config.getCompanyName());
        assertEquals(7_000, config.getPollInterval());
        assertEquals(7_200_000, config.getTimeout());
        assertEquals(BcOperation.Import, config.getOperation());
        assertEquals(BcParentType.customers, config.getParentType());
        assertFalse(config.isFailOnRecordErrors());
        assertEquals(2, config.getMaxRetries());
        assertEquals(3128, config.getProxyPort());
        assertSame(deployKitTls, config.getSslContextParameters());
    }

    @Test
    void secretsAndEnvironmentVariablesAreBound() {
        BcConfiguration config = camelContext.getComponent("bc", BcComponent.class).getConfiguration();

        assertEquals("app-1", config.getClientId());
        assertEquals(OsEnvironment.CLIENT_SECRET, config.getClientSecret());
    }

    @Test
    void aPropertyWrittenTwiceTakesSpringsPrecedenceNotItsSpelling() {
        // tenant-id in the test's properties, CAMEL_COMPONENT_BC_TENANTID below them in the environment
        assertEquals("contoso.onmicrosoft.com",
                camelContext.getComponent("bc", BcComponent.class).getConfiguration().getTenantId());
    }

    @Test
    void untouchedOptionsKeepTheirDefaults() {
        BcConfiguration config = camelContext.getComponent("bc", BcComponent.class).getConfiguration();

        assertEquals(BcConfiguration.DEFAULT_BASE_URL, config.getBaseUrl());
        assertEquals(30_000, config.getConnectTimeout());
    }

    @Test
    void aSecondBcComponentUnderAnotherNameKeepsItsOwnConfiguration() {
        BcComponent sandbox = new BcComponent();
        camelContext.addComponent("bcSandbox", sandbox);

        assertNull(sandbox.getConfiguration().getTenantId());
    }

    @Test
    void reactorOptionsAreBoundToo() {
        ReactorConfiguration config = camelContext.getComponent("reactor", ReactorComponent.class).getConfiguration();

        assertEquals("ORG1@AdobeOrg", config.getImsOrgId());
        assertEquals(7_000, config.getTimeout());
        assertEquals(ReactorOperation.releasePrivate, config.getOperation());
        assertEquals("reactor-secret", config.getClientSecret());
        assertFalse(config.isWaitForCompletion());
    }

    /** Variables as the operating system would set them, with their precedence: below the test's properties. */
    static class OsEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        static final String CLIENT_SECRET = "secret-from-the-environment";

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            // the suffix makes Spring Boot map CAMEL_COMPONENT_BC_CLIENTSECRET as it maps the real environment
            context.getEnvironment().getPropertySources().addAfter(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("CAMEL_COMPONENT_BC_CLIENTSECRET", CLIENT_SECRET,
                                   "CAMEL_COMPONENT_BC_TENANTID", "shadowed.onmicrosoft.com")));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Tls {

        @Bean
        SSLContextParameters deployKitTls() {
            return new SSLContextParameters();
        }
    }
}
