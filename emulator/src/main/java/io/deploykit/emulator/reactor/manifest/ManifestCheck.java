package io.deploykit.emulator.reactor.manifest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks processing makes on an {@code extension.json}, each platform by its own rules, and that every file it
 * names is in the package. Every problem found is reported, not just the first.
 * <p>
 * The rules are Adobe's documented ones for extension manifests (Experience League, "Extension manifest", and the
 * web and edge variants of Adobe's published extension-package JSON schemas, which Adobe's reactor-validator applies
 * to a package before upload):
 * <ul>
 *   <li>required: {@code name}, {@code version}, {@code displayName}, {@code description}, {@code author} (with a
 *       {@code name}), {@code viewBasePath}, {@code platform} ({@code web} or {@code edge});</li>
 *   <li>no top-level property but the platform's: both have {@code name}, {@code version}, {@code displayName},
 *       {@code description}, {@code iconPath}, {@code author}, {@code releaseNotesUrl}, {@code viewBasePath},
 *       {@code main}, {@code exchangeUrl}, {@code configuration}, {@code platform}, {@code conditions},
 *       {@code actions}, {@code dataElements}, {@code sharedModules}; only web has {@code events},
 *       {@code hostedLibFiles} and {@code preprocessingVariables};</li>
 *   <li>naming rules for every {@code name}: at most 214 characters, no upper case, only URL-safe characters
 *       (lower case letters, digits, {@code - _ . ~}), not starting with a dot or an underscore;</li>
 *   <li>{@code version} a semantic version; {@code displayName} and {@code description} not empty;</li>
 *   <li>paths relative (no leading slash): {@code iconPath} an {@code .svg}, {@code main}, {@code libPath} and
 *       {@code hostedLibFiles} {@code .js} files, {@code viewPath} an {@code .html} file (a query or fragment may
 *       follow); {@code exchangeUrl}, {@code releaseNotesUrl} and the author's {@code url} URLs, the author's
 *       {@code email} an address;</li>
 *   <li>{@code configuration}: a {@code viewPath} and a {@code schema} object, optionally {@code transforms},
 *       nothing else;</li>
 *   <li>each event (web), condition, action and data element type: {@code name}, {@code displayName},
 *       {@code libPath} and a {@code schema} object, optionally {@code categoryName}, {@code viewPath},
 *       {@code transforms}, nothing else; each shared module a {@code name} and a {@code libPath};</li>
 *   <li>{@code preprocessingVariables} (web): at least one, each a {@code key}, a {@code path} and a boolean
 *       {@code default};</li>
 *   <li>transforms: on web {@code function}, {@code file}, {@code remove} and {@code add} (the last with
 *       {@code reservedKey} {@code originId}); on edge only {@code function} and {@code remove}; each with a
 *       {@code propertyPath}, one transform per property ({@code extension-package-transform-definition-error});
 *       {@code customCode} is Adobe's own ({@code illegal-custom-code-transform});</li>
 *   <li>every file named is in the package, and {@code viewBasePath} is a folder of it
 *       ({@code extension-package-path-error}).</li>
 * </ul>
 * Adobe documents no code for a manifest against these rules; those errors carry
 * {@link ProcessingError#MANIFEST_ERROR}.
 */
final class ManifestCheck {

    private static final Set<String> PLATFORMS = Set.of("web", "edge");
    private static final List<String> REQUIRED = List.of("name", "version", "displayName", "description", "author",
            "viewBasePath", "platform");
    private static final Set<String> COMMON_PROPERTIES = Set.of("name", "version", "displayName", "description",
            "iconPath", "author", "releaseNotesUrl", "viewBasePath", "main", "exchangeUrl", "configuration",
            "platform", "conditions", "actions", "dataElements", "sharedModules");
    private static final Set<String> WEB_ONLY = Set.of("events", "hostedLibFiles", "preprocessingVariables");
    /** The component types, in the order they are checked; events are web's alone. */
    private static final List<String> FEATURE_TYPES = List.of("events", "conditions", "actions", "dataElements");
    private static final Set<String> FEATURE_PROPERTIES = Set.of("name", "displayName", "categoryName", "viewPath",
            "libPath", "schema", "transforms");
    private static final Set<String> CONFIGURATION_PROPERTIES = Set.of("viewPath", "schema", "transforms");
    /** The properties of each kind of transform, {@code type} and {@code propertyPath} required for all but one. */
    private static final Map<String, Set<String>> TRANSFORMS = Map.of(
            "function", Set.of("type", "propertyPath", "parameters"),
            "file", Set.of("type", "propertyPath"),
            "remove", Set.of("type", "propertyPath"),
            "add", Set.of("type", "propertyPath", "reservedKey"),
            "customCode", Set.of("type"));
    private static final Set<String> WEB_TRANSFORMS = Set.of("function", "file", "remove", "add");
    private static final Set<String> EDGE_TRANSFORMS = Set.of("function", "remove");
    /** The naming rules: npm's package name rules, as Adobe's documentation and schemas state them. */
    private static final Pattern NAME = Pattern.compile("(?![_.])[a-z0-9~_.-]{1,214}");
    private static final String PATH_CHARACTERS = "(?!/)[/a-zA-Z_\\-\\s0-9.]+";
    private static final Pattern BASE_PATH = Pattern.compile(PATH_CHARACTERS);
    private static final Pattern ICON_PATH = Pattern.compile(PATH_CHARACTERS + "\\.svg");
    private static final Pattern LIB_PATH = Pattern.compile(PATH_CHARACTERS + "\\.js");
    private static final Pattern VIEW_PATH = Pattern.compile(PATH_CHARACTERS + "\\.html([?#].*)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Manifest manifest;
    private final Set<String> files;
    private final List<ProcessingError> errors = new ArrayList<>();
    private String platform;

    private ManifestCheck(Manifest manifest, Set<String> files) {
        this.manifest = manifest;
        this.files = files;
    }

    /**
     * @param files the names of the files in the package, as zip entry names ({@code src/lib/main.js})
     * @return every problem found; empty when the manifest is fine
     */
    static List<ProcessingError> check(Manifest manifest, Set<String> files) {
        ManifestCheck check = new ManifestCheck(manifest, files);
        check.structure();
        check.paths();
        return List.copyOf(check.errors);
    }

    // the rules of the platform's schema

    private void structure() {
        JsonNode platformValue = manifest.field("platform");
        if (platformValue != null && !(platformValue.isTextual() && PLATFORMS.contains(platformValue.asText()))) {
            manifestError("The \"platform\" is web or edge, not " + platformValue + ".");
        }
        platform = platformValue != null && "edge".equals(platformValue.asText()) ? "edge" : "web";
        for (String field : REQUIRED) {
            if (manifest.field(field) == null) {
                manifestError("extension.json has no \"" + field + "\"" + ("author".equals(field) ? " with a \"name\""
                        : "") + ".");
            }
        }
        manifest.json().fieldNames().forEachRemaining(field -> {
            boolean allowed = COMMON_PROPERTIES.contains(field) || ("web".equals(platform) && WEB_ONLY.contains(field));
            if (!allowed) {
                manifestError("extension.json has the property \"" + field + "\", which the " + platform
                              + " platform does not allow" + (WEB_ONLY.contains(field) ? " (web extensions only)"
                        : "") + ".");
            }
        });
        name("name", manifest.field("name"));
        JsonNode version = manifest.field("version");
        if (version != null && (!version.isTextual() || Semver.parse(version.asText()).isEmpty())) {
            manifestError("The \"version\" " + version + " is not a semantic version such as 1.2.3.");
        }
        nonEmptyText("displayName", manifest.field("displayName"));
        nonEmptyText("description", manifest.field("description"));
        pattern("iconPath", manifest.field("iconPath"), ICON_PATH, "the relative path of an .svg file");
        author(manifest.field("author"));
        url("releaseNotesUrl", manifest.field("releaseNotesUrl"));
        url("exchangeUrl", manifest.field("exchangeUrl"));
        pattern("viewBasePath", manifest.field("viewBasePath"), BASE_PATH, "a relative path");
        pattern("main", manifest.field("main"), LIB_PATH, "the relative path of a .js file");
        configuration(manifest.field("configuration"));
        JsonNode hosted = manifest.field("hostedLibFiles");
        if (hosted != null && "web".equals(platform) && array("hostedLibFiles", hosted)) {
            for (int i = 0; i < hosted.size(); i++) {
                pattern("hostedLibFiles[" + i + "]", hosted.get(i), LIB_PATH, "the relative path of a .js file");
            }
        }
        for (String type : FEATURE_TYPES) {
            JsonNode features = manifest.field(type);
            if (features != null && ("web".equals(platform) || !WEB_ONLY.contains(type)) && array(type, features)) {
                for (int i = 0; i < features.size(); i++) {
                    feature(type + "[" + i + "]", features.get(i));
                }
            }
        }
        sharedModules(manifest.field("sharedModules"));
        JsonNode variables = manifest.field("preprocessingVariables");
        if (variables != null && "web".equals(platform)) {
            preprocessingVariables(variables);
        }
    }

    private void author(JsonNode author) {
        if (author == null) {
            return;
        }
        if (!author.isObject()) {
            manifestError("The \"author\" must be an object with a \"name\", not " + author + ".");
            return;
        }
        JsonNode name = author.get("name");
        if (name == null) {
            manifestError("extension.json has no \"author\" with a \"name\".");
        } else {
            nonEmptyText("author.name", name);
        }
        url("author.url", author.get("url"));
        JsonNode email = author.get("email");
        if (email != null && !(email.isTextual() && EMAIL.matcher(email.asText()).matches())) {
            manifestError("The \"author.email\" " + email + " is not an e-mail address.");
        }
    }

    private void configuration(JsonNode configuration) {
        if (configuration == null || !object("configuration", configuration)) {
            return;
        }
        onlyProperties("configuration", configuration, CONFIGURATION_PROPERTIES);
        required("configuration", configuration, List.of("viewPath", "schema"));
        pattern("configuration.viewPath", configuration.get("viewPath"), VIEW_PATH,
                "the relative path of an .html file");
        schema("configuration.schema", configuration.get("schema"));
        transforms("configuration.transforms", configuration.get("transforms"));
    }

    /** An event, condition, action or data element type. */
    private void feature(String where, JsonNode feature) {
        if (!object(where, feature)) {
            return;
        }
        onlyProperties(where, feature, FEATURE_PROPERTIES);
        required(where, feature, List.of("name", "displayName", "libPath", "schema"));
        name(where + ".name", feature.get("name"));
        nonEmptyText(where + ".displayName", feature.get("displayName"));
        nonEmptyText(where + ".categoryName", feature.get("categoryName"));
        pattern(where + ".libPath", feature.get("libPath"), LIB_PATH, "the relative path of a .js file");
        pattern(where + ".viewPath", feature.get("viewPath"), VIEW_PATH, "the relative path of an .html file");
        schema(where + ".schema", feature.get("schema"));
        transforms(where + ".transforms", feature.get("transforms"));
    }

    private void sharedModules(JsonNode modules) {
        if (modules == null || !array("sharedModules", modules)) {
            return;
        }
        for (int i = 0; i < modules.size(); i++) {
            String where = "sharedModules[" + i + "]";
            JsonNode module = modules.get(i);
            if (object(where, module)) {
                onlyProperties(where, module, Set.of("name", "libPath"));
                required(where, module, List.of("name", "libPath"));
                name(where + ".name", module.get("name"));
                pattern(where + ".libPath", module.get("libPath"), LIB_PATH, "the relative path of a .js file");
            }
        }
    }

    private void preprocessingVariables(JsonNode variables) {
        if (!array("preprocessingVariables", variables)) {
            return;
        }
        if (variables.isEmpty()) {
            manifestError("The \"preprocessingVariables\" must hold at least one variable when present.");
        }
        for (int i = 0; i < variables.size(); i++) {
            String where = "preprocessingVariables[" + i + "]";
            JsonNode variable = variables.get(i);
            if (object(where, variable)) {
                onlyProperties(where, variable, Set.of("key", "path", "default"));
                required(where, variable, List.of("key", "path", "default"));
                nonEmptyText(where + ".key", variable.get("key"));
                nonEmptyText(where + ".path", variable.get("path"));
                if (variable.has("default") && !variable.get("default").isBoolean()) {
                    manifestError("The \"" + where + ".default\" must be true or false, not "
                                  + variable.get("default") + ".");
                }
            }
        }
    }

    /** The transforms of a configuration or component type: kinds of the platform, one per property path. */
    private void transforms(String where, JsonNode transforms) {
        if (transforms == null || !array(where, transforms)) {
            return;
        }
        Set<String> propertyPaths = new HashSet<>();
        for (int i = 0; i < transforms.size(); i++) {
            String at = where + "[" + i + "]";
            JsonNode transform = transforms.get(i);
            if (!object(at, transform)) {
                continue;
            }
            String type = transform.path("type").asText(null);
            if ("customCode".equals(type) && "web".equals(platform)) {
                errors.add(ProcessingError.customCodeTransform("\"" + at + "\" is a customCode transform, which only "
                                                               + "Adobe's own extensions may use: use a function or "
                                                               + "file transform."));
                continue;
            }
            Set<String> kinds = "edge".equals(platform) ? EDGE_TRANSFORMS : WEB_TRANSFORMS;
            if (type == null || !kinds.contains(type)) {
                errors.add(ProcessingError.transform("\"" + at + "\" has the type " + transform.get("type")
                                                     + ", which is none of the " + platform + " platform's: "
                                                     + String.join(", ", kinds.stream().sorted().toList()) + "."));
                continue;
            }
            Set<String> allowed = TRANSFORMS.get(type);
            transform.fieldNames().forEachRemaining(field -> {
                if (!allowed.contains(field)) {
                    errors.add(ProcessingError.transform("\"" + at + "\" has the property \"" + field + "\", which a "
                                                         + type + " transform does not take."));
                }
            });
            JsonNode propertyPath = transform.get("propertyPath");
            if (propertyPath == null || !propertyPath.isTextual() || propertyPath.asText().isEmpty()) {
                errors.add(ProcessingError.transform("\"" + at + "\" has no \"propertyPath\"."));
            } else if (!propertyPaths.add(propertyPath.asText())) {
                errors.add(ProcessingError.transform("\"" + at + "\" transforms " + propertyPath + " again: each "
                                                     + "property can have one transform."));
            }
            JsonNode parameters = transform.get("parameters");
            if (parameters != null) {
                boolean names = parameters.isArray();
                for (JsonNode parameter : parameters) {
                    names &= parameter.isTextual() && !parameter.asText().isEmpty();
                }
                if (!names) {
                    errors.add(ProcessingError.transform("\"" + at + ".parameters\" must be an array of parameter "
                                                         + "names."));
                }
            }
            if ("add".equals(type) && !"originId".equals(transform.path("reservedKey").asText(null))) {
                errors.add(ProcessingError.transform("\"" + at + "\" is an add transform, whose \"reservedKey\" "
                                                     + "must be originId."));
            }
        }
    }

    private void name(String where, JsonNode name) {
        if (name == null) {
            return;
        }
        if (!name.isTextual() || !NAME.matcher(name.asText()).matches()) {
            manifestError("The \"" + where + "\" " + name + " breaks the naming rules: at most 214 characters, "
                          + "lower case letters, digits, \"-\", \"_\", \".\" and \"~\", not starting with \".\" or "
                          + "\"_\".");
        }
    }

    private void schema(String where, JsonNode schema) {
        if (schema != null && !schema.isObject()) {
            manifestError("The \"" + where + "\" must be a JSON schema object, not " + schema + ".");
        }
    }

    private void nonEmptyText(String where, JsonNode value) {
        if (value != null && (!value.isTextual() || value.asText().isEmpty())) {
            manifestError("The \"" + where + "\" must be a text that is not empty, not " + value + ".");
        }
    }

    private void pattern(String where, JsonNode value, Pattern pattern, String what) {
        if (value != null && (!value.isTextual() || !pattern.matcher(value.asText()).matches())) {
            manifestError("The \"" + where + "\" " + value + " is not " + what + ".");
        }
    }

    private void url(String where, JsonNode value) {
        if (value == null) {
            return;
        }
        boolean valid = false;
        if (value.isTextual()) {
            try {
                URI uri = new URI(value.asText());
                valid = uri.isAbsolute() && !value.asText().isBlank();
            } catch (URISyntaxException e) {
                valid = false;
            }
        }
        if (!valid) {
            manifestError("The \"" + where + "\" " + value + " is not a URL.");
        }
    }

    private boolean object(String where, JsonNode value) {
        if (!value.isObject()) {
            manifestError("The \"" + where + "\" must be an object, not " + value + ".");
            return false;
        }
        return true;
    }

    private boolean array(String where, JsonNode value) {
        if (!value.isArray()) {
            manifestError("The \"" + where + "\" must be an array, not " + value + ".");
            return false;
        }
        return true;
    }

    private void required(String where, JsonNode object, List<String> fields) {
        for (String field : fields) {
            if (!object.has(field)) {
                manifestError("The \"" + where + "\" has no \"" + field + "\", which is required.");
            }
        }
    }

    private void onlyProperties(String where, JsonNode object, Set<String> allowed) {
        object.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                manifestError("The \"" + where + "\" has the property \"" + field + "\", which is not allowed.");
            }
        });
    }

    private void manifestError(String detail) {
        errors.add(ProcessingError.manifest(detail));
    }

    // the files named

    private void paths() {
        String viewBase = viewBasePath();
        file("main", manifest.field("main"), "");
        file("iconPath", manifest.field("iconPath"), "");
        JsonNode configuration = manifest.field("configuration");
        file("configuration.viewPath", configuration == null ? null : configuration.get("viewPath"), viewBase);
        JsonNode hosted = manifest.field("hostedLibFiles");
        if (hosted != null && hosted.isArray()) {
            for (int i = 0; i < hosted.size(); i++) {
                file("hostedLibFiles[" + i + "]", hosted.get(i), "");
            }
        }
        List<String> types = new ArrayList<>(FEATURE_TYPES);
        types.add("sharedModules");
        if ("edge".equals(platform)) {
            types.remove("events"); // refused as a property already
        }
        for (String type : types) {
            JsonNode components = manifest.field(type);
            if (components == null || !components.isArray()) {
                continue;
            }
            for (int i = 0; i < components.size(); i++) {
                JsonNode component = components.get(i);
                file(type + "[" + i + "].libPath", component.get("libPath"), "");
                file(type + "[" + i + "].viewPath", component.get("viewPath"), viewBase);
            }
        }
    }

    /** The directory the view paths are relative to: "" for the root, else ending with a slash. */
    private String viewBasePath() {
        JsonNode base = manifest.field("viewBasePath");
        if (base == null || base.isNull()) {
            return "";
        }
        String path = relative("viewBasePath", base);
        if (path == null || path.isEmpty()) {
            return "";
        }
        String folder = path.replaceAll("/+$", "");
        if (files.contains(folder)) {
            errors.add(ProcessingError.path("\"viewBasePath\" names " + folder + ", which is a file of the package, "
                                            + "not a folder."));
        }
        return folder.isEmpty() ? "" : folder + "/";
    }

    /** Checks that the field, when present, names a file of the package, relative to {@code base}. */
    private void file(String field, JsonNode value, String base) {
        if (value == null || value.isNull()) {
            return;
        }
        String path = relative(field, value);
        if (path == null) {
            return;
        }
        String file = base + path.split("[?#]", 2)[0]; // a view's query or fragment is no part of its file
        if (!files.contains(file)) {
            errors.add(ProcessingError.path("\"" + field + "\" names " + file + ", which is not in the package."));
        }
    }

    /** The field's path without a leading "./"; null (with an error) when it is not a relative path inside the zip. */
    private String relative(String field, JsonNode value) {
        if (!value.isTextual()) {
            errors.add(ProcessingError.path("\"" + field + "\" is not a path."));
            return null;
        }
        String path = value.asText();
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        boolean leaves = path.startsWith("/") || path.contains("\\") || path.contains(":")
                         || ("/" + path + "/").contains("/../");
        if (leaves) {
            errors.add(ProcessingError.path("\"" + field + "\" is " + value.asText()
                                            + ": paths are relative and stay inside the package."));
            return null;
        }
        return path;
    }
}
