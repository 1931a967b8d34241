package io.deploykit.camel.springboot;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The components' metrics in the application's Micrometer registry (see {@link DeployKitMicrometerListener}), when
 * Micrometer is on the class path (exclude this auto-configuration to leave them out). The components find the
 * listener in the Camel registry when they start: they depend on no metrics library themselves.
 */
@AutoConfiguration
@ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry",
                            "io.deploykit.camel.core.observe.DeployKitListener"})
public class DeployKitMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeployKitMicrometerListener deployKitMicrometerListener(ObjectProvider<MeterRegistry> registry) {
        return new DeployKitMicrometerListener(registry::getIfAvailable);
    }
}
