package io.deploykit.camel.springboot;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.util.StringHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ReflectionUtils;

/**
 * Applies a component's configuration class (such as {@code BcComponentConfiguration}, bound by Spring Boot from
 * {@code camel.component.bc.*}) to the component, as Camel's starters do, with three differences that matter here:
 * <ul>
 * <li>only the properties that are set are applied, each through the component's generated configurer, so that
 * values are converted exactly as in an endpoint URI ({@code 7s} for a duration, {@code import} for an enum,
 * {@code #bean:name} for an object) and untouched options keep the component's own defaults;</li>
 * <li>a property under the prefix that is no option fails the start-up with the valid names listed (Camel's starters
 * ignore it: a misspelt {@code client-secret} would quietly mean no secret);</li>
 * <li>what is logged names the options set, never a value.</li>
 * </ul>
 */
final class ComponentCustomizers {

    static final String PREFIX = "camel.component.";

    /** Properties of the configuration class that switch the auto-configuration, not options of the component. */
    private static final List<String> SWITCHES = List.of("enabled", "customizer.enabled");

    private static final Logger LOG = LoggerFactory.getLogger(ComponentCustomizers.class);

    private ComponentCustomizers() {
    }

    /**
     * A customizer for the component registered under {@code scheme} (a second instance registered under another
     * name keeps its own configuration), unless {@code camel.component.customizer.enabled} or
     * {@code camel.component.<scheme>.customizer.enabled} is false. The properties are checked now, so a misspelt one
     * fails the start-up even when no route uses the component yet.
     */
    static <T extends Component> ComponentCustomizer customizer(Environment environment,
                                                                ComponentConfigurationPropertiesCommon configuration,
                                                                Class<T> componentType, String scheme) {
        Map<String, Object> values = setValues(environment, configuration, scheme);
        return ComponentCustomizer.builder(componentType)
                .withCondition((name, component) -> scheme.equals(name) && HierarchicalPropertiesEvaluator.evaluate(
                        environment, PREFIX + "customizer", PREFIX + scheme + ".customizer"))
                .build(component -> apply(component, scheme, values));
    }

    /**
     * The options set under the prefix, by their Camel names, with the values Spring Boot bound into the
     * configuration class; a property that names no option fails.
     */
    private static Map<String, Object> setValues(Environment environment,
                                                 ComponentConfigurationPropertiesCommon configuration, String scheme) {
        String prefix = PREFIX + scheme;
        List<PropertyDescriptor> options = options(configuration.getClass());
        // the names as they were written, in any of Spring's relaxed forms: client-id, clientId, CLIENTID ...
        Map<String, String> written = Binder.get(environment)
                .bind(prefix, Bindable.mapOf(String.class, String.class)).orElseGet(Map::of);
        Map<String, Object> values = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        written.keySet().forEach(key -> {
            if (SWITCHES.contains(uniform(key))) {
                return;
            }
            find(options, key).ifPresentOrElse(option -> {
                Object value = ReflectionUtils.invokeMethod(option.getReadMethod(), configuration);
                if (value != null) {
                    values.put(option.getName(), value);
                }
            }, () -> unknown.add(describeUnknown(prefix, key, options)));
        });
        if (!unknown.isEmpty()) {
            String valid = Stream.concat(options.stream().map(option -> kebab(option.getName())), SWITCHES.stream())
                    .sorted().collect(Collectors.joining(", "));
            throw new IllegalStateException("Unknown " + (unknown.size() == 1 ? "property " : "properties ")
                                            + unknown.stream().sorted().collect(Collectors.joining(", ")) + ": the "
                                            + scheme + " component has no such option. The properties under "
                                            + prefix + " are: " + valid);
        }
        return values;
    }

    /** The options of a configuration class: its properties, less the switches of the auto-configuration. */
    static List<PropertyDescriptor> options(Class<?> configurationClass) {
        return Arrays.stream(BeanUtils.getPropertyDescriptors(configurationClass))
                .filter(property -> property.getReadMethod() != null && property.getWriteMethod() != null)
                .filter(property -> !property.getReadMethod().getDeclaringClass()
                        .equals(ComponentConfigurationPropertiesCommon.class))
                .toList();
    }

    private static Optional<PropertyDescriptor> find(List<PropertyDescriptor> options, String relaxedName) {
        String wanted = uniform(relaxedName);
        return options.stream().filter(option -> uniform(option.getName()).equals(wanted)).findFirst();
    }

    /** Spring reads _ in an environment variable as a dot: CLIENT_SECRET arrives as client.secret. */
    private static String describeUnknown(String prefix, String key, List<PropertyDescriptor> options) {
        return find(options, key.replace(".", ""))
                .map(option -> prefix + "." + key + " (as an environment variable, write "
                               + environmentVariable(prefix + "." + kebab(option.getName())) + ")")
                .orElse(prefix + "." + key);
    }

    /** What Spring Boot compares relaxed names by: without dashes, in lower case. */
    static String uniform(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** {@code sslContextParameters} is {@code ssl-context-parameters}: the form Spring Boot documents. */
    static String kebab(String name) {
        return StringHelper.camelCaseToDash(name);
    }

    /** The variable Spring Boot binds to the property: CAMEL_COMPONENT_BC_CLIENTSECRET for ...bc.client-secret. */
    static String environmentVariable(String property) {
        return property.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
    }

    private static void apply(Component component, String scheme, Map<String, Object> values) {
        PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
        values.forEach((option, value) -> {
            try {
                if (!configurer.configure(component.getCamelContext(), component, option, value, false)) {
                    throw new IllegalStateException("the component's configurer has no option " + option);
                }
            } catch (RuntimeException e) {
                // secrets are strings, which Camel never refuses, so its message quotes no secret
                throw new IllegalArgumentException("Cannot set " + PREFIX + scheme + "." + kebab(option) + ": "
                                                   + e.getMessage(), e);
            }
        });
        // the names only: a value may be a secret
        LOG.debug("Configured the {} component from {}{}.*: {}", scheme, PREFIX, scheme, List.copyOf(values.keySet()));
    }
}
