package io.deploykit.camel.springboot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.deploykit.camel.springboot.ComponentOptions.Option;

/**
 * Applies the {@code camel.component.<scheme>.*} properties of the Spring environment to a component through the
 * component's generated configurer, so that values are converted exactly as in an endpoint URI: {@code 7s} for a
 * duration, {@code import} for an enum, {@code #bean:name} for an object.
 */
final class ComponentPropertiesBinder {

    static final String PREFIX = "camel.component.";

    /** Read by the auto-configuration's condition, not an option of the component. */
    static final String ENABLED = "enabled";

    private static final Logger LOG = LoggerFactory.getLogger(ComponentPropertiesBinder.class);

    private ComponentPropertiesBinder() {
    }

    /**
     * A customizer for the component registered under {@code scheme} (a second instance registered under another
     * name keeps its own configuration). The properties are read and checked now, so a misspelt one fails the
     * start-up even when no route uses the component yet.
     */
    static <T extends Component> ComponentCustomizer customizer(Environment environment, Class<T> componentType,
                                                                String scheme) {
        ComponentOptions options = ComponentOptions.load(componentType, scheme);
        Map<Option, String> values = bind(environment, options);
        return ComponentCustomizer.builder(componentType)
                .withCondition((name, component) -> scheme.equals(name))
                .build(component -> apply(component, scheme, values));
    }

    private static Map<Option, String> bind(Environment environment, ComponentOptions options) {
        String prefix = PREFIX + options.scheme();
        Map<String, String> properties = Binder.get(environment)
                .bind(prefix, Bindable.mapOf(String.class, String.class))
                .orElseGet(Map::of);
        // keyed by option: client-id and CLIENTID are one property, and the binder gave both the value that wins
        Map<Option, String> values = new TreeMap<>(Comparator.comparing(Option::name));
        List<String> unknown = new ArrayList<>();
        properties.forEach((key, value) -> {
            if (!ComponentOptions.uniform(key).equals(ENABLED)) {
                options.find(key).ifPresentOrElse(option -> values.put(option, value),
                        () -> unknown.add(describeUnknown(prefix, key, options)));
            }
        });
        if (!unknown.isEmpty()) {
            String valid = Stream.concat(options.options().stream().map(Option::kebabName), Stream.of(ENABLED))
                    .sorted().collect(Collectors.joining(", "));
            throw new IllegalStateException("Unknown " + (unknown.size() == 1 ? "property " : "properties ")
                                            + unknown.stream().sorted().collect(Collectors.joining(", ")) + ": the "
                                            + options.scheme() + " component has no such option. The properties under "
                                            + prefix + " are: " + valid);
        }
        return values;
    }

    /** Spring reads _ in an environment variable as a dot: CLIENT_SECRET arrives as client.secret. */
    private static String describeUnknown(String prefix, String key, ComponentOptions options) {
        return options.find(key.replace(".", ""))
                .map(option -> prefix + "." + key + " (as an environment variable, write "
                               + environmentVariable(prefix + "." + option.kebabName()) + ")")
                .orElse(prefix + "." + key);
    }

    /** The variable Spring Boot binds to the property: CAMEL_COMPONENT_BC_CLIENTSECRET for ...bc.client-secret. */
    static String environmentVariable(String property) {
        return property.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
    }

    private static void apply(Component component, String scheme, Map<Option, String> values) {
        PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
        values.forEach((option, value) -> {
            try {
                if (!configurer.configure(component.getCamelContext(), component, option.name(), value, false)) {
                    throw new IllegalStateException("the component's configurer has no option " + option.name());
                }
            } catch (RuntimeException e) {
                // secrets are strings, which Camel never refuses, so its message quotes no secret
                throw new IllegalArgumentException("Cannot set " + PREFIX + scheme + "." + option.kebabName() + ": "
                                                   + e.getMessage(), e);
            }
        });
        // the names only: a value may be a secret
        LOG.debug("Configured the {} component from {}{}.*: {}", scheme, PREFIX, scheme,
                values.keySet().stream().map(Option::name).toList());
    }
}
