package io.deploykit.camel.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.reactor.ReactorComponent;

/**
 * Configures the {@code bc:} and {@code reactor:} components from {@code camel.component.bc.*} and
 * {@code camel.component.reactor.*}, as Camel's own starters do for theirs. Each component is configured when it is
 * on the class path, unless {@code camel.component.enabled} or {@code camel.component.<scheme>.enabled} is false;
 * then only endpoint URIs and Java code configure it.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnBean(CamelContext.class)
public class DeployKitComponentsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(BcComponent.class)
    @ConditionalOnHierarchicalProperties({"camel.component", "camel.component.bc"})
    static class Bc {

        @Bean
        ComponentCustomizer bcComponentCustomizer(Environment environment) {
            return ComponentPropertiesBinder.customizer(environment, BcComponent.class, "bc");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactorComponent.class)
    @ConditionalOnHierarchicalProperties({"camel.component", "camel.component.reactor"})
    static class Reactor {

        @Bean
        ComponentCustomizer reactorComponentCustomizer(Environment environment) {
            return ComponentPropertiesBinder.customizer(environment, ReactorComponent.class, "reactor");
        }
    }
}
