package io.deploykit.camel.web;

import java.nio.file.Files;
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

    /** The folder of a configured inbox; any other name is refused, and so is an inbox with no folder here. */
    Path folder(String name) {
        Path folder = name == null ? null : folders.get(name);
        if (folder == null) {
            throw new ActionRefusedException(404, "No inbox named '" + name + "' is configured for the page");
        }
        if (!Files.isDirectory(folder)) { // an inbox on an FTP server, or one not made yet: said, not a server error
            throw new ActionRefusedException(409, "Inbox '" + name + "' has no folder on this machine (an FTP inbox"
                                                  + " takes files through FTP, not through the page)");
        }
        return folder;
    }

    /** Whether the inbox has its folder on this machine (an FTP inbox has none). */
    boolean present(String name) {
        Path folder = folders.get(name);
        return folder != null && Files.isDirectory(folder);
    }

    Path errors(String name) {
        return folder(name).resolve(ERROR);
    }
}
