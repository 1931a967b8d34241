package io.deploykit.camel.bc.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.camel.WrappedFile;

import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.InvalidInputException;

/** The files a {@code bc:app} deploy is given: one {@code .app}, or a set (a folder of them, or a list). */
public final class AppFiles {

    /** The most apps one set may hold: a folder of thousands is a mistake, not a release. */
    public static final int MAX_SET_SIZE = 200;

    private AppFiles() {
    }

    /**
     * The apps of a body that names several: a folder (its {@code *.app} files, by name) or a collection of files;
     * null when the body is one file (or content), deployed alone.
     */
    public static List<Path> setOf(Object body) {
        Object inner = body instanceof WrappedFile<?> wrapped ? wrapped.getFile() : body;
        Path folder = inner instanceof File file ? file.toPath() : inner instanceof Path path ? path : null;
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                List<Path> apps = entries.filter(entry -> Files.isRegularFile(entry) && isAppName(entry))
                        .sorted().limit(MAX_SET_SIZE + 1L).toList();
                return bounded(apps, folder.toString());
            } catch (IOException e) {
                throw new InvalidInputException("Cannot list the apps in " + folder + ": " + e.getMessage(), e);
            }
        }
        if (inner instanceof Collection<?> items) {
            List<Path> apps = new ArrayList<>();
            for (Object item : items) {
                Object file = item instanceof WrappedFile<?> wrapped ? wrapped.getFile() : item;
                Path path = file instanceof File f ? f.toPath() : file instanceof Path p ? p : null;
                if (path == null) {
                    throw new InvalidInputException("A set of apps is a list of files (File or Path), not of "
                                                    + (item == null ? "null" : item.getClass().getName()));
                }
                apps.add(path);
            }
            return bounded(apps, "the list");
        }
        return null;
    }

    /** Reads one app before anything is sent; its name must end {@code .app}, as the admin center API requires. */
    public static AppManifest read(UploadBody file) {
        if (!isAppName(Path.of(file.fileName()))) {
            throw new InvalidAppException(file.fileName() + " is not named *.app: the admin center API takes an app"
                                          + " only in a file with the .app extension");
        }
        return AppPackage.read(file);
    }

    /** What names the deploy of one file of a set in the journal: its name, length, last-modified time, SHA-256. */
    public static String keyOf(UploadBody file) {
        try {
            return file.fileName() + '|' + file.length() + '|' + Files.getLastModifiedTime(file.path()).toMillis()
                   + '|' + file.sha256();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> bounded(List<Path> apps, String where) {
        if (apps.isEmpty()) {
            throw new InvalidInputException("No .app file in " + where + ": nothing to deploy");
        }
        if (apps.size() > MAX_SET_SIZE) {
            throw new InvalidInputException(where + " holds more than " + MAX_SET_SIZE + " apps: deploy them in"
                                            + " smaller sets");
        }
        return apps;
    }

    private static boolean isAppName(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".app");
    }
}
