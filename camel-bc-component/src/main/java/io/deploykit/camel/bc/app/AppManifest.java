package io.deploykit.camel.bc.app;

import java.util.List;

/** What an app's {@code NavxManifest.xml} says of it: {@code Package/App} and {@code Package/Dependencies}. */
public record AppManifest(String id, String name, String publisher, AppVersion version, List<Dependency> dependencies) {

    public AppManifest {
        dependencies = List.copyOf(dependencies);
    }

    /** {@code Name Version (id)}, as logs and messages name an app. */
    public String describe() {
        return name + " " + version + " (" + id + ")";
    }

    /** An app this one needs installed at {@code minVersion} or higher. */
    public record Dependency(String id, String name, String publisher, AppVersion minVersion) {
    }
}
