package io.deploykit.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.deploykit.camel.reactor.ReactorComponent;

/** Which customizers exist: one per component on the class path, switched off by Camel's enabled properties. */
class AutoConfigurationConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CamelAutoConfiguration.class, DeployKitComponentsAutoConfiguration.class));

    @Test
    void aComponentMissingFromTheClassPathIsLeftOut() {
        runner.withClassLoader(new FilteredClassLoader(ReactorComponent.class)).run(context -> assertThat(context)
                .hasBean("bcComponentCustomizer").doesNotHaveBean("reactorComponentCustomizer"));
    }

    @Test
    void theComponentPropertyOverridesCamelsGlobalSwitch() {
        runner.withPropertyValues("camel.component.enabled=false", "camel.component.bc.enabled=true")
                .run(context -> assertThat(context)
                        .hasBean("bcComponentCustomizer").doesNotHaveBean("reactorComponentCustomizer"));
    }

    @Test
    void withoutCamelThereIsNothingToCustomize() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DeployKitComponentsAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean("bcComponentCustomizer").doesNotHaveBean("reactorComponentCustomizer"));
    }
}
