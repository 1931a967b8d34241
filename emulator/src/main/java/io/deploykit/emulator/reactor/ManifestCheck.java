package io.deploykit.emulator.reactor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks processing makes on an {@code extension.json}: its required fields, and that every file it names is
 * in the package. Every problem found is reported, not just the first.
 */
final class ManifestCheck {

    private static final List<String> REQUIRED_TEXT = List.of("name", "version", "platform", "displayName",
            "description");
    private static final Set<String> PLATFORMS = Set.of("web", "edge");
    /** The component types whose entries name a library module and, except shared modules, a view. */
    private static final List<String> COMPONENT_TYPES = List.of("events", "conditions", "actions", "dataElements",
            "sharedModules");

    private final Manifest manifest;
    private final Set<String> files;
    private final List<ProcessingError> errors = new ArrayList<>();

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
        check.requiredFields();
        check.paths();
        return List.copyOf(check.errors);
    }

    private void requiredFields() {
        for (String field : REQUIRED_TEXT) {
            if (manifest.text(field) == null) {
                errors.add(ProcessingError.manifest("extension.json has no \"" + field + "\"."));
            }
        }
        JsonNode author = manifest.field("author");
        if (author == null || !author.path("name").isTextual() || author.path("name").asText().isBlank()) {
            errors.add(ProcessingError.manifest("extension.json has no \"author\" with a \"name\"."));
        }
        String version = manifest.version();
        if (version != null && Semver.parse(version).isEmpty()) {
            errors.add(ProcessingError.manifest("The \"version\" " + version
                                                + " is not a semantic version such as 1.2.3."));
        }
        String platform = manifest.platform();
        if (platform != null && !PLATFORMS.contains(platform)) {
            errors.add(ProcessingError.manifest("The \"platform\" is web or edge, not " + platform + "."));
        }
    }

    private void paths() {
        String viewBase = viewBasePath();
        file("main", manifest.field("main"), "");
        file("iconPath", manifest.field("iconPath"), "");
        file("configuration.viewPath", manifest.field("configuration") == null ? null
                : manifest.field("configuration").get("viewPath"), viewBase);
        JsonNode hosted = manifest.field("hostedLibFiles");
        if (hosted != null && hosted.isArray()) {
            for (int i = 0; i < hosted.size(); i++) {
                file("hostedLibFiles[" + i + "]", hosted.get(i), "");
            }
        }
        for (String type : COMPONENT_TYPES) {
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
        return path.endsWith("/") ? path : path + "/";
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
        String file = base + path;
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
