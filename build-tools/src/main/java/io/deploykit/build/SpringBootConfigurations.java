package io.deploykit.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes the Spring Boot configuration class of each component, in the layout of Camel's own starters: for the
 * component {@code io.deploykit.camel.bc.BcComponent}, {@code io.deploykit.camel.bc.springboot.BcComponentConfiguration},
 * a {@code @ConfigurationProperties(prefix = "camel.component.bc")} class with one property per component option of
 * the component's Camel metadata ({@code bc.json}), documented by the option's description and initialized to its
 * default. {@code spring-boot-configuration-processor} makes the IDE metadata of it when the class is compiled.
 *
 * <p>The types are what Spring Boot can bind without second-guessing Camel: booleans and numbers as such; durations,
 * enumerations and objects as text, which the component's configurer converts exactly as in an endpoint URI
 * ({@code 1m30s}, {@code import}, {@code #bean:name}). The values of enumerations are given to IDEs as hints, in
 * {@code META-INF/additional-spring-configuration-metadata.json}, which the processor merges.
 *
 * <p>Run by the build of {@code camel-deploykit-spring-boot} before it compiles, from the metadata in the component
 * jars: a component option added, changed or removed is in the next build, with nothing to copy by hand.
 */
public final class SpringBootConfigurations {

    /** Carries the other options, which are bound one by one; binding it whole would undo them. */
    private static final String CONFIGURATION = "configuration";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpringBootConfigurations() {
    }

    /**
     * Arguments: the folder of the generated sources, the class output folder (for the additional metadata), then the
     * class path resources of the component metadata, such as {@code META-INF/io/deploykit/camel/bc/bc.json}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException(
                    "Usage: SpringBootConfigurations <sources folder> <class output folder> <component json resource>...");
        }
        Path sources = Path.of(args[0]);
        List<Map<String, Object>> hints = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            JsonNode metadata = read(args[i]);
            Generated generated = generate(metadata);
            Path file = sources.resolve(generated.packageName().replace('.', '/')).resolve(generated.className() + ".java");
            writeIfChanged(file, generated.source());
            hints.addAll(generated.hints());
        }
        Path additional = Path.of(args[1], "META-INF", "additional-spring-configuration-metadata.json");
        writeIfChanged(additional, JSON.writeValueAsString(Map.of("hints", hints)) + "\n");
    }

    /** Writes the file only when its content differs: an unchanged source keeps its time, so nothing recompiles. */
    static void writeIfChanged(Path file, String content) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** One generated class: its source and the hints of its enumerated properties. */
    record Generated(String packageName, String className, String source, List<Map<String, Object>> hints) {
    }

    static Generated generate(JsonNode metadata) {
        JsonNode component = metadata.get("component");
        String scheme = component.get("scheme").asText();
        String componentType = component.get("javaType").asText();
        String packageName = componentType.substring(0, componentType.lastIndexOf('.')) + ".springboot";
        String className = componentType.substring(componentType.lastIndexOf('.') + 1) + "Configuration";
        String prefix = "camel.component." + scheme;

        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        List<Map<String, Object>> hints = new ArrayList<>();
        fields.append(javadoc("Whether to configure the " + scheme + " component from the " + prefix + ".* properties."
                              + " When false, only endpoint URIs and Java code configure it."))
                .append("    private Boolean enabled;\n\n");
        for (Map.Entry<String, JsonNode> entry : metadata.get("componentProperties").properties()) {
            String name = entry.getKey();
            if (CONFIGURATION.equals(name)) {
                continue;
            }
            JsonNode option = entry.getValue();
            String type = javaType(option);
            fields.append(javadoc(description(prefix + "." + kebab(name), option)))
                    .append("    private ").append(type).append(' ').append(name)
                    .append(initializer(type, option)).append(";\n\n");
            String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors.append("    public ").append(type).append(" get").append(capitalized).append("() {\n")
                    .append("        return ").append(name).append(";\n    }\n\n")
                    .append("    public void set").append(capitalized).append('(').append(type).append(' ')
                    .append(name).append(") {\n        this.").append(name).append(" = ").append(name)
                    .append(";\n    }\n\n");
            if (option.has("enum")) {
                List<Map<String, Object>> values = new ArrayList<>();
                option.get("enum").forEach(value -> values.add(Map.of("value", value.asText())));
                Map<String, Object> hint = new LinkedHashMap<>();
                hint.put("name", prefix + "." + kebab(name));
                hint.put("values", values);
                hints.add(hint);
            }
        }
        String source = "package " + packageName + ";\n\n"
                        + "import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n"
                        + "import org.springframework.boot.context.properties.ConfigurationProperties;\n\n"
                        + "/**\n * " + comment(component.get("description").asText()) + "\n * <p>\n"
                        + " * The options of the " + scheme + " component as Spring Boot properties " + prefix + ".*."
                        + " Generated by the build\n * from the component's Camel metadata (" + scheme
                        + ".json) with io.deploykit.build.SpringBootConfigurations: do not edit.\n */\n"
                        + "@ConfigurationProperties(prefix = \"" + prefix + "\")\n"
                        + "public class " + className + " extends ComponentConfigurationPropertiesCommon {\n\n"
                        + fields + accessors.toString().stripTrailing() + "\n}\n";
        return new Generated(packageName, className, source, hints);
    }

    /**
     * Spring Boot's type of the property: what it binds faithfully. Durations, enumerations and objects stay text for
     * Camel to convert, as it does in URIs.
     */
    static String javaType(JsonNode option) {
        String type = option.path("type").asText();
        String javaType = option.path("javaType").asText();
        return switch (type) {
            case "boolean" -> "Boolean";
            case "integer" -> "long".equals(javaType) || "java.lang.Long".equals(javaType) ? "Long" : "Integer";
            case "number" -> "Double";
            default -> "String";
        };
    }

    private static String initializer(String type, JsonNode option) {
        JsonNode value = option.get("defaultValue");
        if (value == null || value.isNull()) {
            return "";
        }
        return switch (type) {
            case "Boolean" -> " = " + value.asBoolean();
            case "Integer" -> " = " + value.asInt();
            case "Long" -> " = " + value.asLong() + "L";
            case "Double" -> " = " + value.asDouble();
            default -> " = \"" + value.asText().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        };
    }

    /** Camel's description, and what a Spring Boot user must know besides: how to write the value, secrecy. */
    static String description(String property, JsonNode option) {
        StringBuilder description = new StringBuilder(option.path("description").asText().strip());
        switch (option.path("type").asText()) {
            case "duration" -> description.append(" A duration: milliseconds, or a number with units such as 10s,"
                                                  + " 1m30s or 2h.");
            case "object" -> description.append(" The value names a bean: #bean:name.");
            default -> {
            }
        }
        if (option.path("secret").asBoolean()) {
            description.append(" A secret: never logged; keep it out of source files, for example in the environment"
                               + " variable ").append(environmentVariable(property)).append('.');
        }
        return description.toString();
    }

    /** The variable Spring Boot binds to the property: CAMEL_COMPONENT_BC_CLIENTSECRET for ...bc.client-secret. */
    static String environmentVariable(String property) {
        return property.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** {@code sslContextParameters} is {@code ssl-context-parameters}: the form Spring Boot documents. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String javadoc(String text) {
        return "    /**\n     * " + comment(text) + "\n     */\n";
    }

    /**
     * Text that a Javadoc comment carries as it is (the processor copies it into the IDE metadata): no end of
     * comment, no inline tag.
     */
    private static String comment(String text) {
        return text.replace("*/", "*&#47;").replace("{@", "{&#64;");
    }

    private static JsonNode read(String resource) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the class path: the component jar must be a"
                                                + " dependency, built with its Camel metadata");
            }
            return JSON.readTree(in);
        }
    }
}
