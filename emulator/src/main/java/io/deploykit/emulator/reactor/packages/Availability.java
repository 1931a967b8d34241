package io.deploykit.emulator.reactor.packages;

import java.util.Locale;

/** Who can install an extension package: its own organization while in development, then everyone it is released to. */
public enum Availability {
    DEVELOPMENT,
    PRIVATE,
    PUBLIC;

    /** The name in the API, such as {@code development}. */
    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is none of development, private and public */
    public static Availability named(String name) {
        for (Availability availability : values()) {
            if (availability.apiName().equals(name)) {
                return availability;
            }
        }
        throw new IllegalArgumentException("An availability is development, private or public, not '" + name + "'");
    }
}
