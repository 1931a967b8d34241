package io.deploykit.emulator.reactor;

import java.util.ArrayList;
import java.util.List;

/**
 * What was deployed, by content: the zips uploaded and the releases, in the order they were accepted, so that a
 * test can count on the server's side how often each zip was deployed. Kept for the emulator's life. Thread-safe.
 */
public final class ReactorHistory {

    private final List<AcceptedUpload> uploads = new ArrayList<>(); // guarded by this
    private final List<PackageRelease> releases = new ArrayList<>(); // guarded by this

    public synchronized void uploaded(AcceptedUpload upload) {
        uploads.add(upload);
    }

    public synchronized void released(PackageRelease release) {
        releases.add(release);
    }

    synchronized List<AcceptedUpload> uploads() {
        return List.copyOf(uploads);
    }

    synchronized List<PackageRelease> releases() {
        return List.copyOf(releases);
    }
}
