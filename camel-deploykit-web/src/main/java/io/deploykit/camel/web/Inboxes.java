package io.deploykit.camel.web;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The inboxes the page may touch, by name, as configured ({@code deploykit.web.inboxes}); no other folder. */
final class Inboxes {

    static final String ERROR = ".error";

    private final Map<String, Path> folders = new LinkedHashMap<>();

    Inboxes(Map<String, String> configured) {
        configured.forEach((name, folder) -> folders.put(name, Path.of(folder).toAbsolutePath().normalize()));
    }

    Set<String> names() {
        return folders.keySet();
    }

    /** The folder of a configured inbox; any other name is refused. */
    Path folder(String name) {
        Path folder = name == null ? null : folders.get(name);
        if (folder == null) {
            throw new ActionRefusedException(404, "No inbox named '" + name + "' is configured for the page");
        }
        return folder;
    }

    Path errors(String name) {
        return folder(name).resolve(ERROR);
    }
}
