package io.deploykit.emulator.bc.apps;

import java.util.List;
import java.util.Objects;

/** What {@code NavxManifest.xml} says of an app: {@code Package/App} and {@code Package/Dependencies}. */
public record AppManifest(String id, String name, String publisher, AppVersion version, List<Dependency> dependencies) {

    public AppManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(version, "version");
        dependencies = List.copyOf(dependencies);
    }

    /** An app this one needs installed, at {@code minVersion} or higher. */
    public record Dependency(String id, String name, String publisher, AppVersion minVersion) {

        /** Reads {@code id:name:publisher:minVersion}, as the {@code make-app} command line takes it. */
        public static Dependency parse(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("A dependency is id:name:publisher:minVersion, not '" + text + "'");
            }
            return new Dependency(parts[0], parts[1], parts[2], AppVersion.parse(parts[3]));
        }
    }
}
