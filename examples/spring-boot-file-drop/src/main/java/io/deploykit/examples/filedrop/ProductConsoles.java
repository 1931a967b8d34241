package io.deploykit.examples.filedrop;

import java.util.Set;

import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.impl.console.DefaultDevConsoleRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Camel dev consoles this application offers (at {@code /actuator/camel/<id>}, only with the {@code consoles}
 * profile): the components' own, {@code bc} and {@code reactor}, and no other. Camel would load every console on
 * the class path, among them {@code heap-dump} (writes the live heap, tokens and secrets included, to disk at each
 * call), {@code bean} (every bean's properties) and {@code all}.
 */
@Configuration(proxyBeanMethods = false)
class ProductConsoles {

    static final Set<String> OFFERED = Set.of("bc", "reactor");

    /** Camel uses the registry found in the Spring context instead of its own. */
    @Bean
    DevConsoleRegistry devConsoleRegistry() {
        return new OnlyProductConsoles();
    }

    /** Registers and resolves the offered consoles; the others are never loaded. */
    static final class OnlyProductConsoles extends DefaultDevConsoleRegistry {

        @Override
        public boolean register(DevConsole console) {
            return OFFERED.contains(console.getId()) && super.register(console);
        }

        @Override
        public DevConsole resolveById(String id) {
            return OFFERED.contains(id) ? super.resolveById(id) : null;
        }
    }
}
