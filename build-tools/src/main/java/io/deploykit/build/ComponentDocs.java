package io.deploykit.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fills the generated parts of a component's AsciiDoc page ({@code src/main/docs/<scheme>-component.adoc}) from the
 * Camel metadata that camel-package-maven-plugin generates for the component ({@code <scheme>.json}): the header
 * attributes (everything before the first blank line, as Camel's {@code update-readme} writes them) and, between the
 * lines {@code // component options: START} and {@code // component options: END}, the tables of component options,
 * endpoint path and query parameters and message headers. Everything else on the page is written by hand and left
 * as it is.
 *
 * <p>Camel's own {@code update-readme} goal fills that section with {@code include::partial$...[]} directives, which
 * only the Camel website's build resolves; on any other site, and on GitHub, the page would show no option at all.
 * This writes the tables themselves.
 *
 * <p>The component build runs {@link #main(String[])} after generating the metadata. When the page it finds differs
 * from the one it writes, it also writes a report into the build directory: the component's tests fail on it (see
 * {@link #problems(Path, Path, Path)}), so a page committed out of date with its options is caught by the first build
 * of the commit, by CI in particular.
 */
public final class ComponentDocs {

    static final String START = "// component options: START";
    static final String END = "// component options: END";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]";
    /** An attribute reference such as {tenantId}: AsciiDoc would replace it (by nothing), so it is escaped. */
    private static final Pattern ATTRIBUTE = Pattern.compile("\\{([\\w-]+)}");

    private ComponentDocs() {
    }

    /**
     * Arguments: the folder of the generated metadata ({@code src/generated/resources}, where every component's
     * {@code <scheme>.json} is found), the folder of the pages ({@code src/main/docs}) and the folder for the
     * out-of-date reports.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: ComponentDocs <generated resources> <docs folder> <report folder>");
        }
        Path reports = Path.of(args[2]);
        for (Map.Entry<Path, JsonNode> component : componentMetadata(Path.of(args[0])).entrySet()) {
            JsonNode metadata = component.getValue();
            update(component.getKey(), metadata, page(metadata, Path.of(args[1])), reports);
        }
    }

    /** The metadata files of the components under a folder, in order, each read once: the JSON files of kind component. */
    public static Map<Path, JsonNode> componentMetadata(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            Map<Path, JsonNode> components = new LinkedHashMap<>();
            for (Path json : files.filter(file -> file.toString().endsWith(".json")).sorted().toList()) {
                JsonNode metadata = JSON.readTree(json.toFile());
                if ("component".equals(metadata.path("component").path("kind").asText())) {
                    components.put(json, metadata);
                }
            }
            return components;
        }
    }

    /** The page of the component the metadata describes: {@code <scheme>-component.adoc}. */
    public static Path page(JsonNode metadata, Path docs) {
        return docs.resolve(metadata.get("component").get("scheme").asText() + "-component.adoc");
    }

    /** @param json where {@code metadata} was read from, for the report */
    static void update(Path json, JsonNode metadata, Path adoc, Path reports) throws IOException {
        if (!Files.exists(adoc)) {
            throw new IllegalStateException(adoc + " is missing: each component has its page, with the markers " + START
                                            + " and " + END + " where the build writes its option tables");
        }
        String page = Files.readString(adoc, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String filled = fill(page, metadata);
        Path report = report(reports, adoc);
        Files.deleteIfExists(report);
        if (!filled.equals(page)) {
            Files.writeString(adoc, filled, StandardCharsets.UTF_8);
            Files.createDirectories(reports);
            Files.writeString(report, adoc + " was out of date with " + json + ": this build has written it anew."
                                      + " Commit it with the change of options.\n", StandardCharsets.UTF_8);
            System.out.println("[deploykit] Updated the generated parts of " + adoc);
        }
    }

    /**
     * What is wrong with the page: it differs from what the metadata makes of it, or the build found it so and wrote
     * it anew (the version committed was out of date). Empty when the page is current.
     */
    public static List<String> problems(Path json, Path adoc, Path reports) throws IOException {
        List<String> problems = new ArrayList<>();
        String page = Files.readString(adoc, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (!fill(page, JSON.readTree(json.toFile())).equals(page)) {
            problems.add(adoc + " differs from what " + json + " makes of it: build the module (mvn -pl <module>"
                         + " process-classes) to write it anew, and commit it");
        }
        Path report = report(reports, adoc);
        if (Files.exists(report)) {
            problems.add(Files.readString(report, StandardCharsets.UTF_8).trim());
        }
        return problems;
    }

    private static Path report(Path reports, Path adoc) {
        return reports.resolve(adoc.getFileName() + ".out-of-date.txt");
    }

    /** The page with its header and its options section made anew from the metadata. */
    public static String fill(String page, JsonNode metadata) {
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("The page has no section between the lines " + START + " and " + END);
        }
        int body = page.indexOf("\n\n");
        if (body < 0 || body > start) {
            throw new IllegalArgumentException("The page has no header: attribute lines, then a blank line");
        }
        return header(metadata) + page.substring(body, start) + START + "\n" + options(metadata) + page.substring(end);
    }

    /** The title and the attributes of the page, as Camel's update-readme writes them, and the Maven coordinates. */
    static String header(JsonNode metadata) {
        JsonNode component = metadata.get("component");
        String title = component.get("title").asText();
        return String.join("\n",
                "= " + title + " Component",
                ":doctitle: " + title,
                ":shortname: " + component.get("scheme").asText(),
                ":groupid: " + component.get("groupId").asText(),
                ":artifactid: " + component.get("artifactId").asText(),
                ":version: " + component.get("version").asText(),
                ":description: " + component.get("description").asText(),
                ":since: " + shortVersion(component.get("firstVersion").asText()),
                ":supportlevel: " + component.get("supportLevel").asText(),
                ":tabs-sync-option:",
                ":component-header: " + componentHeader(component));
    }

    /** The tables of options and headers, with the few words that say how to read them. */
    static String options(JsonNode metadata) {
        JsonNode component = metadata.get("component");
        String title = component.get("title").asText();
        String scheme = component.get("scheme").asText();
        List<JsonNode> componentOptions = list(metadata.get("componentProperties"));
        List<JsonNode> path = list(metadata.get("properties")).stream()
                .filter(option -> "path".equals(option.get("kind").asText())).toList();
        List<JsonNode> query = list(metadata.get("properties")).stream()
                .filter(option -> !"path".equals(option.get("kind").asText())).toList();
        List<JsonNode> headers = list(metadata.get("headers"));

        StringBuilder out = new StringBuilder();
        out.append("== Configuring Options\n\n")
                .append("The options are set on two levels. Those of the component apply to every endpoint of the\n")
                .append("component: set them as `camel.component.").append(scheme).append(".*` properties (in `application.properties`,\n")
                .append("Spring Boot or environment variables) or on the component object. Those of an endpoint are set in\n")
                .append("its URI, and win over the component's. Durations are milliseconds, or a number with units: `500`,\n")
                .append("`10s`, `1m30s`, `2h`. A _secret_ option is masked by Camel and appears in no log line or exception\n")
                .append("message.\n\n");

        out.append("=== Component Options\n\n")
                .append("The ").append(title).append(" component supports ").append(count(componentOptions.size(), "option"))
                .append(", which are listed below.\n\n");
        table(out, componentOptions, ComponentDocs::optionRow);

        out.append("=== Endpoint Options\n\n")
                .append("The ").append(title).append(" endpoint is configured using URI syntax:\n\n")
                .append("----\n").append(component.get("syntax").asText()).append("\n----\n\n")
                .append("with the following path and query parameters:\n\n");
        out.append("==== Path Parameters (").append(path.size()).append(")\n\n");
        table(out, path, ComponentDocs::optionRow);
        out.append("==== Query Parameters (").append(query.size()).append(")\n\n");
        table(out, query, ComponentDocs::optionRow);

        out.append("=== Message Headers\n\n")
                .append("The ").append(title).append(" component supports ").append(count(headers.size(), "message header"))
                .append(", which are listed below.\n\n");
        table(out, headers, ComponentDocs::headerRow);
        return out.toString();
    }

    private static void table(StringBuilder out, List<JsonNode> rows, java.util.function.Function<JsonNode, String> row) {
        out.append(TABLE).append("\n|===\n| Name | Description | Default | Type\n");
        rows.forEach(option -> out.append(row.apply(option)).append('\n'));
        out.append("|===\n\n");
    }

    private static String optionRow(JsonNode option) {
        StringBuilder description = new StringBuilder();
        if (option.path("required").asBoolean()) {
            description.append("*Required* ");
        }
        if (option.path("deprecated").asBoolean()) {
            description.append("*Deprecated* ");
        }
        description.append(sentence(text(option.path("description").asText())));
        if (option.has("enum")) {
            description.append(" Values: ").append(StreamSupport.stream(option.get("enum").spliterator(), false)
                    .map(value -> "`" + text(value.asText()) + "`").collect(Collectors.joining(", "))).append('.');
        }
        if (option.path("secret").asBoolean()) {
            description.append(" _Secret_.");
        }
        if (option.path("autowired").asBoolean()) {
            description.append(" _Autowired_: a single bean of its type in the registry is used.");
        }
        String value = option.has("defaultValue") ? "`" + text(option.get("defaultValue").asText()) + "`" : "";
        return "| *" + option.get("name").asText() + "* (" + option.path("group").asText() + ") | " + description
               + " | " + value + " | " + type(option);
    }

    private static String headerRow(JsonNode header) {
        String constant = header.path("constantName").asText();
        String where = constant.isEmpty() ? "" : " +\nConstant: `" + simpleName(constant.replace('#', '.')) + "`";
        String value = header.has("defaultValue") ? "`" + text(header.get("defaultValue").asText()) + "`" : "";
        return "| *" + header.get("name").asText() + "* (" + header.path("group").asText() + ")" + where + " | "
               + sentence(text(header.path("description").asText())) + " | " + value + " | "
               + simpleName(header.path("javaType").asText());
    }

    /** Camel's type, by its short Java name: String, long (duration), BcOperation (an enum) ... */
    private static String type(JsonNode option) {
        String javaType = simpleName(option.path("javaType").asText());
        return "duration".equals(option.path("type").asText()) ? javaType + " (duration)" : javaType;
    }

    /** io.deploykit.camel.bc.BcConstants.OPERATION is BcConstants.OPERATION; generic parameters are left out. */
    private static String simpleName(String javaType) {
        String raw = javaType.replaceAll("<.*>", "");
        String[] parts = raw.split("\\.");
        int first = parts.length - 1;
        while (first > 0 && !parts[first - 1].isEmpty() && Character.isUpperCase(parts[first - 1].charAt(0))) {
            first--; // a nested type or a constant keeps its class: BcConstants.OPERATION
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, first, parts.length));
    }

    /** Text that AsciiDoc shows as it is inside a table cell: no cell break, no attribute reference. */
    static String text(String text) {
        String cell = text.replace("|", "\\|");
        Matcher attributes = ATTRIBUTE.matcher(cell);
        return attributes.replaceAll(match -> Matcher.quoteReplacement("\\{" + match.group(1) + "}"));
    }

    /** A description ends with a full stop, so that what is appended reads as its own sentence. */
    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() || ".!?".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0 ? trimmed : trimmed + ".";
    }

    private static List<JsonNode> list(JsonNode options) {
        List<JsonNode> list = new ArrayList<>();
        if (options != null) {
            for (Map.Entry<String, JsonNode> entry : options.properties()) {
                JsonNode option = entry.getValue().deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) option).put("name", entry.getKey());
                list.add(option);
            }
        }
        return list;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String componentHeader(JsonNode component) {
        boolean producerOnly = component.path("producerOnly").asBoolean();
        boolean consumerOnly = component.path("consumerOnly").asBoolean();
        if (producerOnly && !consumerOnly) {
            return "Only producer is supported";
        }
        if (consumerOnly && !producerOnly) {
            return "Only consumer is supported";
        }
        return "Both producer and consumer are supported";
    }

    /** 0.1.0 is 0.1, as Camel shows the version a component first appeared in. */
    private static String shortVersion(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }
}
