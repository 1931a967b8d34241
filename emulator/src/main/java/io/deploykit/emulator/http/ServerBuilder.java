package io.deploykit.emulator.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings every emulator's builder takes: port, clients, token lifetime, upload limit, storage and threads.
 * Each setter answers the emulator's own builder, so that its own settings chain on.
 *
 * @param <B> the emulator's builder
 */
public abstract class ServerBuilder<B extends ServerBuilder<B>> {

    private final String defaultClientId;
    private final String defaultClientSecret;
    private int port;
    private final Map<String, String> clients = new LinkedHashMap<>();
    private Duration tokenLifetime;
    private long maxUploadBytes;
    private Path storage;
    private int threads = 200;

    protected ServerBuilder(String defaultClientId, String defaultClientSecret, Duration tokenLifetime,
                            long maxUploadBytes) {
        this.defaultClientId = defaultClientId;
        this.defaultClientSecret = defaultClientSecret;
        this.tokenLifetime = tokenLifetime;
        this.maxUploadBytes = maxUploadBytes;
    }

    /** The port to listen on; 0 (the default) takes a free one. */
    public B port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        this.port = port;
        return self();
    }

    /** Adds a client that may ask for tokens; the first one replaces the default client. */
    public B client(String clientId, String clientSecret) {
        clients.put(requireText(clientId, "clientId"), requireText(clientSecret, "clientSecret"));
        return self();
    }

    /** How long an access token lives: whole seconds, at least one. */
    public B tokenLifetime(Duration lifetime) {
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("A token lifetime must be at least one second, not " + lifetime);
        }
        this.tokenLifetime = lifetime;
        return self();
    }

    /** The largest upload accepted, in bytes; a larger one gets 413. */
    public B maxUploadBytes(long maxUploadBytes) {
        if (maxUploadBytes < 0) {
            throw new IllegalArgumentException("An upload limit cannot be negative: " + maxUploadBytes);
        }
        this.maxUploadBytes = maxUploadBytes;
        return self();
    }

    /**
     * The directory for uploaded files, kept on close; by default a temporary one, deleted on close, or by the next
     * emulator to start if this one is killed.
     */
    public B storage(Path directory) {
        this.storage = directory;
        return self();
    }

    /** How many requests are answered at once; more wait. */
    public B threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("At least one thread is needed, not " + threads);
        }
        this.threads = threads;
        return self();
    }

    /** The server settings so far, with the default client when none was added. */
    protected ServerSettings serverSettings() {
        Map<String, String> secrets = clients.isEmpty() ? Map.of(defaultClientId, defaultClientSecret) : clients;
        return new ServerSettings(port, frozen(secrets), tokenLifetime, maxUploadBytes, storage, threads);
    }

    protected static Map<String, String> frozen(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    protected static String requireText(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException("The " + what + " cannot be blank");
        }
        return value;
    }

    /** A duration of background work, such as a job step, which may be zero but not negative. */
    protected static Duration requireNotNegative(Duration duration, String what) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A " + what + " cannot be negative: " + duration);
        }
        return duration;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
