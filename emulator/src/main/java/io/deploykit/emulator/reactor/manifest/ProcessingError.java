package io.deploykit.emulator.reactor.manifest;

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
     * The code of an {@code extension.json} that is not valid JSON or breaks a rule of Adobe's extension manifest
     * (a required field missing, a property the platform does not allow, a name against the naming rules...).
     * Adobe does not document the code it uses for these; this one follows its others.
     */
    public static final String MANIFEST_ERROR = "extension-package-manifest-error";
    /**
     * Adobe's code of a transform the platform does not have, or a second transform of one property: "You have
     * defined an invalid transform for an object property."
     */
    public static final String TRANSFORM_ERROR = "extension-package-transform-definition-error";
    /** Adobe's code of a {@code customCode} transform, which only its own extensions may use. */
    public static final String CUSTOM_CODE_TRANSFORM_ERROR = "illegal-custom-code-transform";
    /**
     * The code of a failure injected with
     * {@link io.deploykit.emulator.reactor.ReactorFaults#failNextProcessing(String)}.
     */
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

    static ProcessingError transform(String detail) {
        return new ProcessingError(TRANSFORM_ERROR, "Invalid transform definition", detail);
    }

    static ProcessingError customCodeTransform(String detail) {
        return new ProcessingError(CUSTOM_CODE_TRANSFORM_ERROR, "Illegal custom code transform", detail);
    }
}
