package io.deploykit.emulator;

import java.util.List;

/** A running emulator of a service, as the standalone launcher starts, describes and stops it. */
public interface Emulator extends AutoCloseable {

    /** {@code http://127.0.0.1:PORT} */
    String baseUrl();

    /** What a person who started the emulator by hand needs to know: the URLs and credentials to configure. */
    List<String> describe();

    /** Stops answering and releases the port, the threads and any temporary files. */
    @Override
    void close();
}
