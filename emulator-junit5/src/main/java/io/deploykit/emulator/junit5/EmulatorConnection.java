package io.deploykit.emulator.junit5;

import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * What a component needs to reach a running emulator, as plain values: the component's options by name, to set on
 * the component, append to an endpoint URI or publish as properties. The extension module does not depend on the
 * components, so these are strings, named as the components' options.
 */
public interface EmulatorConnection {

    /**
     * The component options that point at the emulator, by their names ({@code baseUrl}, {@code tokenUrl},
     * {@code clientId}, {@code clientSecret}, ...), in a new mutable map each call (so it can be handed to Camel's
     * {@code PropertyBindingSupport}, which removes what it binds).
     */
    Map<String, String> options();

    /**
     * The {@linkplain #options() options} as endpoint URI parameters, each value in {@code RAW(...)} so that nothing
     * in it is decoded: {@code baseUrl=RAW(http://127.0.0.1:PORT/v2.0)&tokenUrl=RAW(...)&...}, to append after
     * {@code ?} or {@code &} to a {@code bc:} or {@code reactor:} URI.
     */
    default String uriOptions() {
        StringJoiner joined = new StringJoiner("&");
        options().forEach((name, value) -> joined.add(name + "=" + raw(value)));
        return joined.toString();
    }

    /**
     * The {@linkplain #options() options} as properties under a prefix, such as {@code camel.component.bc.} for a
     * component's configuration by properties, or a prefix of your own for {@code {{...}}} placeholders in routes.
     */
    default Properties properties(String prefix) {
        Properties properties = new Properties();
        options().forEach((name, value) -> properties.setProperty(prefix + name, value));
        return properties;
    }

    /** Camel's RAW(...), or RAW{...} for a value with a closing parenthesis. */
    private static String raw(String value) {
        return value.contains(")") ? "RAW{" + value + "}" : "RAW(" + value + ")";
    }
}
