package io.deploykit.emulator.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Entries in the order they were added, kept for the emulator's life: what a service accepted, for tests to count
 * on the server's side. Thread-safe.
 *
 * @param <T> an entry
 */
public final class History<T> {

    private final List<T> entries = new ArrayList<>(); // guarded by this

    public synchronized void add(T entry) {
        entries.add(entry);
    }

    /** A copy of the entries, oldest first. */
    public synchronized List<T> entries() {
        return List.copyOf(entries);
    }
}
