package io.deploykit.emulator.reactor;

import java.util.Objects;

/**
 * Why the processing of an extension package failed: one JSON:API error object of the package's
 * {@code meta.status_details.errors}.
 *
 * @param code   such as {@code extension-package-path-error}
 * @param title  a summary that is the same for every error of this code
 * @param detail what went wrong with this package
 */
public record ProcessingError(String code, String title, String detail) {

    /** The code of an archive that is not a zip, or has no {@code extension.json} at its root. */
    public static final String ZIP_ERROR = "extension-package-zip-error";
    /** The code of a path {@code extension.json} names that is not in the archive, or leaves it. */
    public static final String PATH_ERROR = "extension-package-path-error";
    /**
     * The code of an {@code extension.json} that is not valid JSON or lacks a required field. Adobe does not document
     * the code it uses for these; this one is the emulator's.
     */
    public static final String MANIFEST_ERROR = "extension-package-manifest-error";
    /** The code of a failure injected with {@link ReactorFaults#failNextProcessing(String)}. */
    public static final String INJECTED_ERROR = "extension-package-error";

    public ProcessingError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
    }

    static ProcessingError zip(String detail) {
        return new ProcessingError(ZIP_ERROR, "Invalid extension package archive", detail);
    }

    static ProcessingError path(String detail) {
        return new ProcessingError(PATH_ERROR, "Invalid path in extension.json", detail);
    }

    static ProcessingError manifest(String detail) {
        return new ProcessingError(MANIFEST_ERROR, "Invalid extension.json", detail);
    }
}
