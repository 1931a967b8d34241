package io.deploykit.emulator.reactor;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.RequestLog;

/**
 * The requests the Reactor emulator answered, with their headers. The server's {@link RequestLog} counts every
 * request but keeps no headers, and a Reactor test needs to see {@code x-api-key} and {@code x-gw-ims-org-id}; so
 * every answer of this emulator, errors and injected faults included, passes through {@link #record}. A dropped
 * connection gets no answer, so it is only in the server's counts. Keeps the latest entries only; thread-safe.
 */
final class ReactorRequestLog {

    private final int capacity;
    private final Deque<ReactorRequest> entries = new ArrayDeque<>();

    ReactorRequestLog(int capacity) {
        this.capacity = capacity;
    }

    /** Records the request of an exchange about to be answered with this status. */
    void record(Exchange exchange, int status) {
        Map<String, String> headers = new HashMap<>();
        for (String name : ReactorRequest.RECORDED_HEADERS) {
            String value = exchange.header(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        ReactorRequest request = new ReactorRequest(Instant.now(), exchange.method(), exchange.path(),
                exchange.rawQuery(), status, headers);
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(request);
        }
    }

    /** The recorded requests, oldest first. */
    List<ReactorRequest> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
