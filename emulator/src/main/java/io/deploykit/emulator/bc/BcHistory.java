package io.deploykit.emulator.bc;

import java.util.ArrayList;
import java.util.List;

/**
 * What was deployed, by content: the imports and applies that started and the pictures stored, in the order they
 * were accepted, so that a test can count on the server's side how often each file was deployed. Kept for the
 * emulator's life. Thread-safe.
 */
public final class BcHistory {

    private final List<ImportedPackage> imports = new ArrayList<>(); // guarded by this
    private final List<AppliedPackage> applies = new ArrayList<>(); // guarded by this
    private final List<PictureUpdate> pictureUpdates = new ArrayList<>(); // guarded by this

    public synchronized void imported(ImportedPackage started) {
        imports.add(started);
    }

    public synchronized void applied(AppliedPackage started) {
        applies.add(started);
    }

    public synchronized void pictureStored(PictureUpdate stored) {
        pictureUpdates.add(stored);
    }

    synchronized List<ImportedPackage> imports() {
        return List.copyOf(imports);
    }

    synchronized List<AppliedPackage> applies() {
        return List.copyOf(applies);
    }

    synchronized List<PictureUpdate> pictureUpdates() {
        return List.copyOf(pictureUpdates);
    }
}
