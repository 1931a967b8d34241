package io.deploykit.camel.springboot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.reactor.ReactorComponent;
import io.deploykit.camel.springboot.ComponentOptions.Option;

/**
 * Makes {@code META-INF/spring-configuration-metadata.json} from the options the components declare in their Camel
 * metadata, so that IDEs complete and document {@code camel.component.bc.*} and {@code camel.component.reactor.*}
 * with Camel's own descriptions, defaults and enum values, and list exactly what the binding accepts.
 * {@link SpringMetadataTest} keeps the committed file equal to this output.
 */
final class SpringMetadataGenerator {

    private static final Map<String, String> BOXED = Map.of("boolean", "java.lang.Boolean", "int",
            "java.lang.Integer", "long", "java.lang.Long");

    private SpringMetadataGenerator() {
    }

    static String generate() throws JsonProcessingException {
        List<ComponentOptions> components = List.of(ComponentOptions.load(BcComponent.class, "bc"),
                ComponentOptions.load(ReactorComponent.class, "reactor"));
        List<Map<String, Object>> groups = new ArrayList<>();
        List<Map<String, Object>> properties = new ArrayList<>();
        List<Map<String, Object>> hints = new ArrayList<>();
        for (ComponentOptions component : components) {
            String prefix = ComponentPropertiesBinder.PREFIX + component.scheme();
            groups.add(entry("name", prefix, "type", component.componentClass(),
                    "description", component.description()));
            properties.add(entry("name", prefix + "." + ComponentPropertiesBinder.ENABLED, "type", "java.lang.Boolean",
                    "description", "Whether to configure the " + component.scheme() + " component from the " + prefix
                                   + ".* properties. When false, only endpoint URIs and Java code configure it.",
                    "defaultValue", true));
            for (Option option : component.options()) {
                String name = prefix + "." + option.kebabName();
                properties.add(entry("name", name, "type", springType(option),
                        "description", description(name, option), "sourceType", option.sourceClass(),
                        "defaultValue", option.defaultValue()));
                if (!option.enums().isEmpty()) {
                    hints.add(entry("name", name,
                            "values", option.enums().stream().map(value -> entry("value", value)).toList()));
                }
            }
        }
        properties.sort(Comparator.comparing(property -> (String) property.get("name")));
        DefaultPrettyPrinter layout = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        return new ObjectMapper().writer(layout)
                .writeValueAsString(entry("groups", groups, "properties", properties, "hints", hints)) + "\n";
    }

    /** The type an IDE checks the value against; Camel converts it as in a URI. */
    private static String springType(Option option) {
        return switch (option.type()) {
            case "duration" -> "java.time.Duration"; // Camel reads 500 (ms), 7s, 1m30s
            case "enum", "object" -> "java.lang.String"; // enum values as Camel spells them; objects as #bean:name
            default -> BOXED.getOrDefault(option.javaType(), option.javaType());
        };
    }

    private static String description(String property, Option option) {
        String description = option.description();
        if (option.type().equals("object")) {
            description += " The value names a bean: #bean:name.";
        }
        if (option.secret()) {
            description += " A secret: never logged; keep it out of source files, for example in the environment"
                           + " variable " + ComponentPropertiesBinder.environmentVariable(property) + ".";
        }
        return description;
    }

    /** A JSON object from name-value pairs, in order, without the null values. */
    private static Map<String, Object> entry(Object... namesAndValues) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                entry.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return entry;
    }
}
