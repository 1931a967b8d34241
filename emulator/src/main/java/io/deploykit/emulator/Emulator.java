package io.deploykit.emulator;

import java.util.List;
import java.util.Map;

import io.deploykit.emulator.http.Faults;

/**
 * A running emulator of a service, as the standalone launcher starts, describes and stops it, and as the JUnit 5
 * extensions connect to it and clean up after each test.
 */
public interface Emulator extends AutoCloseable {

    /** {@code http://127.0.0.1:PORT} */
    String baseUrl();

    /**
     * The clients that may ask for tokens: secrets by client id, in the order they were added; never empty (the
     * default client when none was added).
     */
    Map<String, String> clients();

    /** Injects faults into requests. */
    Faults faults();

    /** Forgets the logged requests and resets the counts. */
    void clearRequests();

    /** What a person who started the emulator by hand needs to know: the URLs and credentials to configure. */
    List<String> describe();

    /** Stops answering and releases the port, the threads and any temporary files. */
    @Override
    void close();
}
