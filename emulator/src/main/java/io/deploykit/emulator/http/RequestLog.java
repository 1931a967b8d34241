package io.deploykit.emulator.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The requests an emulator answered, for tests to inspect, and a count per route for benchmarks. The log keeps the
 * latest entries only (a long benchmark must not fill the heap); the counts count every request. Thread-safe.
 */
public final class RequestLog {

    /** The count of requests that matched no route. */
    public static final String UNMATCHED = "(unmatched)";

    private final int capacity;
    private final Deque<RecordedRequest> entries = new ArrayDeque<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** @param capacity how many of the latest requests the log keeps */
    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    void record(RecordedRequest request) {
        counts.computeIfAbsent(request.route() == null ? UNMATCHED : request.route(), name -> new LongAdder())
                .increment();
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(request);
        }
    }

    /** The logged requests, oldest first. */
    public List<RecordedRequest> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** How many requests matched the named route since the last {@link #clear()}. */
    public long count(String route) {
        LongAdder count = counts.get(route);
        return count == null ? 0 : count.sum();
    }

    /** The count of every route that was requested since the last {@link #clear()}, by route name. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((route, count) -> snapshot.put(route, count.sum()));
        return snapshot;
    }

    /** Forgets every request and resets every count. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
            counts.clear();
        }
    }
}
