package io.deploykit.examples.filedrop;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether a service is emulated: always with {@code deploykit.example.emulators=on}, never with {@code off}, and with
 * {@code auto} (the default) only when no option of its component is configured at all. Any option (a tenant, a
 * client id, a base URL), from any source (properties, environment variables), means the real service is meant: a
 * missing one then fails the start, named by the component, instead of deploying to an in-process fake.
 */
abstract class EmulatedService implements Condition {

    private final String component;

    EmulatedService(String component) {
        this.component = component;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        String mode = env.getProperty("deploykit.example.emulators", "auto").trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "on" -> true;
            case "off" -> false;
            default -> configuredOptions(env).isEmpty();
        };
    }

    /** The options set under {@code camel.component.<name>}, but {@code enabled}, relaxed names included. */
    private Map<String, Object> configuredOptions(Environment env) {
        Map<String, Object> options = new java.util.HashMap<>(Binder.get(env)
                .bind("camel.component." + component, Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of()));
        options.remove("enabled");
        return options;
    }

    /** Business Central is emulated unless any camel.component.bc option is configured. */
    static final class BusinessCentral extends EmulatedService {
        BusinessCentral() {
            super("bc");
        }
    }

    /** Adobe Tags is emulated unless any camel.component.reactor option is configured. */
    static final class AdobeTags extends EmulatedService {
        AdobeTags() {
            super("reactor");
        }
    }
}
