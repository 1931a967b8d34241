package io.deploykit.camel.reactor;

import io.deploykit.camel.core.body.UploadBody;

/**
 * What an extension package zip says about itself, read as the producer reads it (its {@code extension.json} alone,
 * bounded), for those who check files before any request, such as a release validated as a whole.
 */
public final class ReactorFiles {

    private ReactorFiles() {
    }

    /**
     * The extension's name and version, as {@code name version}.
     *
     * @throws io.deploykit.camel.core.error.InvalidInputException when the zip is no extension package
     */
    public static String describeExtension(UploadBody zip) {
        ExtensionManifest manifest = ExtensionManifest.read(zip);
        return manifest.name() + " " + manifest.version();
    }
}
