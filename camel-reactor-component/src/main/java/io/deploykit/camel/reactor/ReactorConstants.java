package io.deploykit.camel.reactor;

import org.apache.camel.spi.Metadata;

/** The headers the {@code reactor:} component reads and sets. */
public final class ReactorConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the endpoint's operation option.",
              javaType = "String")
    public static final String OPERATION = "CamelReactorOperation";
    @Metadata(description = "The id of the extension package (EP followed by 32 hex digits). Read to name the package"
                            + " (overrides the extensionPackageId option); set on results. update does not take one an"
                            + " earlier operation on the exchange set as its result for the package to update.",
              javaType = "String")
    public static final String EXTENSION_PACKAGE_ID = "CamelReactorExtensionPackageId";
    @Metadata(description = "The extension's name. Read by list and releasePrivate to find a package by name; set on"
                            + " results.",
              javaType = "String")
    public static final String EXTENSION_NAME = "CamelReactorExtensionName";
    @Metadata(description = "The extension package's version.", javaType = "String")
    public static final String VERSION = "CamelReactorVersion";
    @Metadata(description = "The platform: web or edge. Read by list and releasePrivate with the name; set on results.",
              javaType = "String")
    public static final String PLATFORM = "CamelReactorPlatform";
    @Metadata(description = "The processing status: pending, succeeded or failed.", javaType = "String")
    public static final String STATUS = "CamelReactorStatus";
    @Metadata(description = "The availability: development, private or public.", javaType = "String")
    public static final String AVAILABILITY = "CamelReactorAvailability";

    @Metadata(label = "producer", description = "What tells one deploy from another in the stateRepository: the same key"
                                                + " is the same deploy, continued or not repeated. By default the zip's"
                                                + " name, length, last-modified time and SHA-256. Read, never set: a"
                                                + " releasePrivate after an upload of the same package in the route"
                                                + " belongs to the upload's deploy without it.",
              javaType = "String")
    public static final String DEPLOY_KEY = "CamelReactorDeployKey";
    @Metadata(description = "Set by create, update, upload and releasePrivate: true when the stateRepository showed"
                            + " the same deploy (same deploy key) processed, or released, before, so that nothing was"
                            + " sent (a WARN says so); false when it was sent. A zip moved to its outcome folder by the file consumer and"
                            + " dropped again is a new deploy.",
              javaType = "Boolean")
    public static final String DEPLOY_SKIPPED = "CamelReactorDeploySkipped";

    private ReactorConstants() {
    }
}
