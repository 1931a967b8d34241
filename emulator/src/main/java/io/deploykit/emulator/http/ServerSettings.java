package io.deploykit.emulator.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What every emulator's builder was told about its server, fixed when the emulator starts.
 *
 * @param clients        client secrets by client id, in the order they were added; never empty
 * @param maxUploadBytes the largest upload accepted; a larger one gets 413
 * @param storage        the directory for uploads, or null for a temporary one
 */
public record ServerSettings(int port, Map<String, String> clients, Duration tokenLifetime, long maxUploadBytes,
                             Path storage, int threads) {
}
