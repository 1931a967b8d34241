package io.deploykit.benchmarks.support;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a client JVM reported: its lines {@code RESULT key=value} on standard output (see
 * {@link io.deploykit.benchmarks.measuredjvm.ClientOutput}).
 */
public final class ClientReport {

    public static final String PREFIX = "RESULT ";

    private final Map<String, String> values = new ConcurrentHashMap<>();

    void accept(String line) {
        if (line.startsWith(PREFIX)) {
            String pair = line.substring(PREFIX.length());
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
    }

    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new NoSuchElementException("The client reported no '" + key + "'; it reported " + values.keySet());
        }
        return value;
    }

    public long number(String key) {
        return Long.parseLong(text(key));
    }
}
