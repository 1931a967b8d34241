package io.deploykit.emulator.reactor.packages;

import java.util.Locale;

/** Where the asynchronous processing of a package's latest zip is. */
enum ProcessingStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    /** The name in the API, such as {@code pending}. */
    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
