package io.deploykit.camel.release.manifest;

import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import io.deploykit.camel.bc.BcParentType;
import io.deploykit.camel.release.InvalidReleaseException;

/**
 * Reads {@code release.yaml}, bounded (its size, YAML aliases, nesting), and reports every problem of its shape at
 * once. The form:
 *
 * <pre>
 * release: contoso-2026.12          # letters, digits, '.', '_', '-'
 * steps:                            # in order, each on every target
 *   - app: apps/                    # a .app file or a folder of them
 *   - configurationPackage: packages/SETUP.rapidstart
 *     code: SETUP                   # optional: what the file must carry
 *   - pictures: pictures/items      # &lt;number&gt;.&lt;ext&gt; files
 *     parentType: items
 *   - extension: extensions/tags-1.2.0.zip
 *     releasePrivate: true
 * waves:
 *   - name: sandbox
 *     targets:
 *       - environment: sandbox      # connection: bc unless named
 *         companies: [CRONUS USA, Inc.]
 *   - name: production
 *     approval: PT24H               # a gate: waits this long for an approval
 *     targets:
 *       - environment: production
 *         companies: all
 * </pre>
 */
public final class ManifestReader {

    /** The manifest's file name at the root of a release. */
    public static final String FILE_NAME = "release.yaml";
    /** A manifest names files and targets; more than this is not a manifest. */
    public static final int MAX_BYTES = 256 * 1024;

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Set<String> STEP_FIELDS = Set.of("code", "parentType", "releasePrivate", "connection");
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions()).build());

    private final List<String> problems = new ArrayList<>();

    private ManifestReader() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setMaxAliasesForCollections(10); // no billion laughs
        options.setNestingDepthLimit(20);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /**
     * @param name  how problems name the release until its id is known (the bundle's file name)
     * @throws InvalidReleaseException with every problem found
     */
    public static ReleaseManifest read(String name, byte[] yaml) {
        List<String> problems = new ArrayList<>();
        ReleaseManifest manifest = parse(yaml, problems);
        if (!problems.isEmpty()) {
            throw new InvalidReleaseException(manifest.id() == null ? name : manifest.id(), problems);
        }
        return manifest;
    }

    /**
     * Reads what it can, adding each problem to {@code problems}: a validator goes on to check the files of the
     * steps that were readable, so that one report names everything.
     */
    public static ReleaseManifest parse(byte[] yaml, List<String> problems) {
        if (yaml.length > MAX_BYTES) {
            problems.add(FILE_NAME + " has " + yaml.length + " bytes, more than the " + MAX_BYTES + " a manifest may have");
            return new ReleaseManifest(null, List.of(), List.of());
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException | RuntimeException e) {
            problems.add(FILE_NAME + " is not YAML: " + firstLine(e.getMessage()));
            return new ReleaseManifest(null, List.of(), List.of());
        }
        ManifestReader reader = new ManifestReader();
        ReleaseManifest manifest = reader.manifest(root);
        problems.addAll(reader.problems);
        return manifest;
    }

    private ReleaseManifest manifest(JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add(FILE_NAME + " must be a mapping with release, steps and waves");
            return new ReleaseManifest(null, List.of(), List.of());
        }
        unknownFields(root, Set.of("release", "steps", "waves"), FILE_NAME);
        String id = text(root, "release", "release");
        if (id != null && !ID.matcher(id).matches()) {
            problems.add("release '" + id + "' must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter"
                         + " or digit (it names the release's journal and report)");
        }
        List<ReleaseStep> steps = new ArrayList<>();
        JsonNode stepNodes = list(root, "steps");
        for (int i = 0; i < stepNodes.size(); i++) {
            ReleaseStep step = step(stepNodes.get(i), i + 1);
            if (step != null) {
                steps.add(step);
            }
        }
        List<ReleaseWave> waves = new ArrayList<>();
        JsonNode waveNodes = list(root, "waves");
        for (int i = 0; i < waveNodes.size(); i++) {
            waves.add(wave(waveNodes.get(i), i + 1));
        }
        return new ReleaseManifest(id, List.copyOf(steps), List.copyOf(waves));
    }

    private ReleaseStep step(JsonNode node, int number) {
        String where = "steps[" + number + "]";
        if (!node.isObject()) {
            problems.add(where + " must be a mapping such as 'configurationPackage: packages/SETUP.rapidstart'");
            return null;
        }
        List<StepKind> kinds = new ArrayList<>();
        for (StepKind kind : StepKind.values()) {
            if (node.has(kind.name())) {
                kinds.add(kind);
            }
        }
        if (kinds.size() != 1) {
            problems.add(where + " must name one of app, configurationPackage, pictures, extension" + (kinds.isEmpty()
                    ? "" : "; it names " + kinds));
            return null;
        }
        StepKind kind = kinds.get(0);
        Set<String> allowed = new java.util.HashSet<>(STEP_FIELDS);
        allowed.add(kind.name());
        unknownFields(node, allowed, where);
        String path = relativePath(text(node, kind.name(), where + "." + kind.name()), where + "." + kind.name());
        String code = kind == StepKind.configurationPackage ? optionalText(node, "code", where) : null;
        if (code != null && code.length() > 20) {
            problems.add(where + ".code '" + code + "' has " + code.length() + " characters; Business Central allows 20");
        }
        String parentType = null;
        if (kind == StepKind.pictures) {
            parentType = text(node, "parentType", where + ".parentType");
            if (parentType != null && !PARENT_TYPES.contains(parentType)) {
                problems.add(where + ".parentType '" + parentType + "' must be one of " + PARENT_TYPES);
            }
        }
        boolean releasePrivate = kind == StepKind.extension && node.path("releasePrivate").asBoolean(false);
        String connection = optionalText(node, "connection", where);
        if (connection == null) {
            connection = kind == StepKind.extension ? "reactor" : "bc";
        }
        return new ReleaseStep(number, kind, path, code, parentType, releasePrivate, connection);
    }

    static final List<String> PARENT_TYPES = java.util.Arrays.stream(BcParentType.values()).map(Enum::name).toList();

    private ReleaseWave wave(JsonNode node, int number) {
        String where = "waves[" + number + "]";
        if (!node.isObject()) {
            problems.add(where + " must be a mapping with name and targets");
            return new ReleaseWave("wave " + number, List.of(), null);
        }
        unknownFields(node, Set.of("name", "targets", "approval"), where);
        String name = optionalText(node, "name", where);
        Duration approval = null;
        if (node.hasNonNull("approval")) {
            try {
                approval = Duration.parse(node.get("approval").asText());
                if (approval.isNegative() || approval.isZero()) {
                    problems.add(where + ".approval must be a positive duration such as PT24H");
                }
            } catch (DateTimeParseException e) {
                problems.add(where + ".approval '" + node.get("approval").asText() + "' is not an ISO-8601 duration such"
                             + " as PT24H (how long the wave waits for its approval)");
            }
        }
        List<ReleaseTarget> targets = new ArrayList<>();
        JsonNode targetNodes = list(node, "targets");
        for (int i = 0; i < targetNodes.size(); i++) {
            ReleaseTarget target = target(targetNodes.get(i), where + ".targets[" + (i + 1) + "]");
            if (target != null) {
                targets.add(target);
            }
        }
        return new ReleaseWave(name == null ? "wave " + number : name, List.copyOf(targets), approval);
    }

    private ReleaseTarget target(JsonNode node, String where) {
        if (!node.isObject()) {
            problems.add(where + " must be a mapping with environment and companies");
            return null;
        }
        unknownFields(node, Set.of("connection", "environment", "companies"), where);
        String connection = optionalText(node, "connection", where);
        String environment = text(node, "environment", where + ".environment");
        JsonNode companies = node.get("companies");
        if (companies != null && companies.isTextual() && companies.asText().equalsIgnoreCase("all")) {
            return new ReleaseTarget(connection == null ? "bc" : connection, environment, List.of(), true);
        }
        List<String> names = new ArrayList<>();
        if (companies == null || !companies.isArray() || companies.isEmpty()) {
            problems.add(where + ".companies must list companies by name or id, or be 'all'");
        } else {
            companies.forEach(company -> {
                if (!company.isTextual() || company.asText().isBlank()) {
                    problems.add(where + ".companies holds " + company + ", not a company name or id");
                } else {
                    names.add(company.asText().trim());
                }
            });
        }
        return new ReleaseTarget(connection == null ? "bc" : connection, environment, List.copyOf(names), false);
    }

    private JsonNode list(JsonNode node, String field) {
        JsonNode list = node.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(field + " must be a non-empty list");
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        return list;
    }

    private String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            problems.add(where + " is required");
            return null;
        }
        return value.asText().trim();
    }

    private String optionalText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            problems.add(where + "." + field + " must be text");
            return null;
        }
        return value.asText().trim();
    }

    /** A path inside the bundle: relative, with '/' separators, never leaving the bundle's root. */
    private String relativePath(String path, String where) {
        if (path == null) {
            return null;
        }
        String normalized = path.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")
            || List.of(normalized.split("/")).contains("..")) {
            problems.add(where + " '" + path + "' must be a path inside the release, relative to its root, without '..'");
            return null;
        }
        return normalized;
    }

    private void unknownFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            String field = fields.next().getKey();
            if (!allowed.contains(field)) {
                problems.add(where + " has an unknown field '" + field + "' (known: " + allowed.stream().sorted().toList()
                             + ")");
            }
        }
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
