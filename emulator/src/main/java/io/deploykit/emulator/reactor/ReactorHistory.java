package io.deploykit.emulator.reactor;

import io.deploykit.emulator.http.History;

/**
 * What was deployed, by content: the zips uploaded and the releases, in the order they were accepted, so that a
 * test can count on the server's side how often each zip was deployed. Kept for the emulator's life. Thread-safe.
 */
public record ReactorHistory(History<AcceptedUpload> uploads, History<PackageRelease> releases) {

    public ReactorHistory() {
        this(new History<>(), new History<>());
    }
}
