package io.deploykit.examples.filedrop;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether a service is emulated: only when {@code deploykit.example.emulators} asks for it ({@code on} for both, or
 * the component's name), never because its configuration is missing. A configuration that was not loaded (a
 * mistyped profile, a secret not mounted) fails the start instead of deploying to an in-process fake.
 */
abstract class EmulatedService implements Condition {

    static final String SWITCH = "deploykit.example.emulators";

    private final String component;

    EmulatedService(String component) {
        this.component = component;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isEmulated(context.getEnvironment(), component);
    }

    static boolean isEmulated(Environment env, String component) {
        FileDropProperties.Emulators asked = Binder.get(env).bind(SWITCH, FileDropProperties.Emulators.class)
                .orElse(FileDropProperties.Emulators.off);
        return asked == FileDropProperties.Emulators.on || asked.name().equals(component);
    }

    /** The options set under {@code camel.component.<name>}, but {@code enabled}, relaxed names included. */
    static Map<String, Object> configuredOptions(Environment env, String component) {
        Map<String, Object> options = new HashMap<>(Binder.get(env)
                .bind("camel.component." + component, Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of()));
        options.remove("enabled");
        return options;
    }

    /** Business Central is emulated with deploykit.example.emulators=on or bc. */
    static final class BusinessCentral extends EmulatedService {
        BusinessCentral() {
            super("bc");
        }
    }

    /** Adobe Tags is emulated with deploykit.example.emulators=on or reactor. */
    static final class AdobeTags extends EmulatedService {
        AdobeTags() {
            super("reactor");
        }
    }
}
