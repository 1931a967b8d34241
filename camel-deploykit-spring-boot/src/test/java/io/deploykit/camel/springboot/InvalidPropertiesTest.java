package io.deploykit.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Mistakes in the properties stop the application with the property named, and no value shown. */
class InvalidPropertiesTest {

    @Test
    void anUnknownPropertyFailsTheStartUpNamingTheValidOnes() {
        Throwable failure = startFailure(new StandardEnvironment(), "camel.component.bc.tenant-idd=contoso",
                "camel.component.bc.client-secret=s3cr3t-value");

        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Unknown property camel.component.bc.tenant-idd: the bc component has no such"
                                        + " option. The properties under camel.component.bc are: accept-isv-eula, access-token,")
                .hasMessageContaining(", tenant-id, ")
                .hasMessageContaining(", client-secret, ")
                .hasMessageContaining(", enabled, ")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void anEnvironmentVariableWithAnUnderscoreForTheDashGetsItsRightName() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("CAMEL_COMPONENT_REACTOR_CLIENT_SECRET", "s3cr3t-value")));

        Throwable failure = startFailure(environment);

        assertThat(failure).hasMessageStartingWith("Unknown property camel.component.reactor.client.secret (as an"
                                                   + " environment variable, write CAMEL_COMPONENT_REACTOR_CLIENTSECRET)")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void aValueCamelCannotConvertFailsTheComponentNamingTheProperty() {
        try (ConfigurableApplicationContext application = start("camel.component.bc.poll-interval=soon")) {
            CamelContext camel = application.getBean(CamelContext.class);

            assertThatThrownBy(() -> camel.getComponent("bc"))
                    .hasStackTraceContaining("Cannot set camel.component.bc.poll-interval: ")
                    .hasStackTraceContaining("soon");
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return application(new StandardEnvironment(), properties).run();
    }

    private static Throwable startFailure(StandardEnvironment environment, String... properties) {
        Throwable failure = catchThrowable(() -> application(environment, properties).run().close());
        assertThat(failure).as("the start-up failure").isNotNull();
        return NestedExceptionUtils.getMostSpecificCause(failure);
    }

    private static SpringApplicationBuilder application(StandardEnvironment environment, String... properties) {
        return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
                .environment(environment).properties(properties);
    }
}
