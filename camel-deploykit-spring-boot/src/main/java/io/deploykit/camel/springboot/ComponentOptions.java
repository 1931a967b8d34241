package io.deploykit.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.Component;
import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * The options a component declares in the metadata Camel's build tools generate into its jar
 * ({@code META-INF/<package>/<scheme>.json}, section {@code componentProperties}): the one list that both the
 * property binding and the IDE metadata are made from, so they cannot disagree.
 */
record ComponentOptions(String scheme, String componentClass, String description, List<Option> options) {

    /**
     * The nested object that carries the other options. They are bound one by one; replacing the whole object would
     * undo them.
     */
    private static final String CONFIGURATION = "configuration";

    /**
     * One component option as the JSON describes it.
     *
     * @param type         Camel's kind of value: string, integer, boolean, duration, enum, object ...
     * @param defaultValue a String, Boolean or number, or null
     * @param enums        the accepted values of an enum option, else empty
     * @param sourceClass  the class whose setter takes the option
     */
    record Option(String name, String type, String javaType, String description, Object defaultValue,
                  List<String> enums, boolean secret, String sourceClass) {

        /** {@code sslContextParameters} is {@code ssl-context-parameters}: the form Spring Boot documents. */
        String kebabName() {
            return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    }

    static ComponentOptions load(Class<? extends Component> componentType, String scheme) {
        String resource = "/META-INF/" + componentType.getPackageName().replace('.', '/') + "/" + scheme + ".json";
        JsonObject json = read(componentType, resource);
        JsonObject component = json.getJsonObject("component");
        JsonObject properties = json.getJsonObject("componentProperties");
        if (component == null || properties == null) {
            throw new IllegalStateException(resource + " is not Camel component metadata: it lacks component or"
                                            + " componentProperties");
        }
        List<Option> options = new ArrayList<>();
        properties.forEach((name, value) -> {
            if (!CONFIGURATION.equals(name)) {
                options.add(option(name, (JsonObject) value, component.getString("javaType")));
            }
        });
        options.sort(Comparator.comparing(Option::name));
        return new ComponentOptions(scheme, component.getString("javaType"), component.getString("description"),
                List.copyOf(options));
    }

    /** The option named in any of Spring's relaxed forms: client-id, clientId, clientid, CLIENTID. */
    Optional<Option> find(String relaxedName) {
        String wanted = uniform(relaxedName);
        return options.stream().filter(option -> uniform(option.name()).equals(wanted)).findFirst();
    }

    /** What Spring Boot compares relaxed names by: without dashes, in lower case. */
    static String uniform(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Option option(String name, JsonObject json, String componentClass) {
        Collection<?> enums = json.getCollectionOrDefault("enum", List.of());
        return new Option(name, json.getString("type"), json.getString("javaType"), json.getString("description"),
                json.get("defaultValue"), enums.stream().map(String::valueOf).toList(),
                json.getBooleanOrDefault("secret", false), json.getStringOrDefault("configurationClass", componentClass));
    }

    private static JsonObject read(Class<?> componentType, String resource) {
        try (InputStream in = componentType.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No Camel metadata " + resource + " beside " + componentType.getName()
                                                + ": the component jar was built without camel-package-maven-plugin");
            }
            if (Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8)) instanceof JsonObject json) {
                return json;
            }
            throw new IllegalStateException(resource + " is not a JSON object");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        } catch (DeserializationException e) {
            throw new IllegalStateException("Could not parse " + resource, e);
        }
    }
}
