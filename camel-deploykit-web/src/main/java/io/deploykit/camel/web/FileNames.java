package io.deploykit.camel.web;

import java.util.regex.Pattern;

/**
 * The names the page accepts for files: one plain name, never a path, never hidden. An uploaded name is cleaned
 * into one ({@link #sanitise}); a name sent with an action on a file must already be one ({@link #checked}).
 */
final class FileNames {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._ ()+,=@-]");
    private static final int LONGEST = 200;

    private FileNames() {
    }

    /** The last segment of {@code name}, characters other than letters, digits and {@code ._ ()+,=@-} as '_', no leading dot. */
    static String sanitise(String name) {
        String last = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = UNSAFE.matcher(last).replaceAll("_").replaceFirst("^[.\\s]+", "").trim();
        return checked(clean.length() > LONGEST ? clean.substring(clean.length() - LONGEST) : clean);
    }

    /** {@code name} when it is a plain file name; else refused. */
    static String checked(String name) {
        if (name == null || name.isBlank() || name.length() > LONGEST || name.startsWith(".") || name.contains("/")
            || name.contains("\\") || name.contains("..") || UNSAFE.matcher(name).find()) {
            throw new ActionRefusedException(400, "Not a plain file name: " + (name == null ? "none" : "'" + name + "'"));
        }
        return name;
    }
}
