package io.deploykit.examples.filedrop;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether a service is emulated: always with {@code deploykit.example.emulators=on}, never with {@code off}, and
 * with {@code auto} (the default) when none of its credentials are configured.
 */
abstract class EmulatedService implements Condition {

    private final String component;
    private final List<String> credentials;

    EmulatedService(String component, List<String> credentials) {
        this.component = component;
        this.credentials = credentials;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        String mode = env.getProperty("deploykit.example.emulators", "auto").trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "on" -> true;
            case "off" -> false;
            default -> credentials.stream().noneMatch(option -> env.containsProperty("camel.component." + component + "." + option));
        };
    }

    /** Business Central is emulated unless OAuth, token or Basic credentials are configured. */
    static final class BusinessCentral extends EmulatedService {
        BusinessCentral() {
            super("bc", List.of("client-id", "access-token", "username"));
        }
    }

    /** Adobe Tags is emulated unless OAuth or token credentials are configured. */
    static final class AdobeTags extends EmulatedService {
        AdobeTags() {
            super("reactor", List.of("client-id", "access-token"));
        }
    }
}
