package io.deploykit.emulator.bc;

import io.deploykit.emulator.http.History;

/**
 * What was deployed, by content: the imports and applies that started and the pictures stored, in the order they
 * were accepted, so that a test can count on the server's side how often each file was deployed. Kept for the
 * emulator's life. Thread-safe.
 */
public record BcHistory(History<ImportedPackage> imports, History<AppliedPackage> applies,
                        History<PictureUpdate> pictureUpdates) {

    public BcHistory() {
        this(new History<>(), new History<>(), new History<>());
    }
}
