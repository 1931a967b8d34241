package io.deploykit.emulator.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth2 client credentials of an emulator and the opaque access tokens it issued to them. Tokens live for a
 * fixed lifetime; {@link #expireAll()} ends them early. Thread-safe.
 */
public final class TokenIssuer {

    /** Above this many remembered tokens, issuing one first forgets the expired ones. */
    private static final int PURGE_THRESHOLD = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> secrets;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

    /**
     * @param secrets  the client secret of each client id
     * @param lifetime how long a token lives, whole seconds (what {@code expires_in} can say), at least one
     */
    public TokenIssuer(Map<String, String> secrets, Duration lifetime, Clock clock) {
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("A token lifetime must be at least one second, not " + lifetime);
        }
        this.secrets = Map.copyOf(secrets);
        this.lifetime = Duration.ofSeconds(lifetime.toSeconds());
        this.clock = clock;
    }

    public boolean knowsClient(String clientId) {
        return secrets.containsKey(clientId);
    }

    /** Whether the secret is the client's, compared in constant time. */
    public boolean secretMatches(String clientId, String secret) {
        String expected = secrets.get(clientId);
        return expected != null && secret != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    public Duration lifetime() {
        return lifetime;
    }

    public IssuedToken issue(String clientId) {
        if (tokens.size() > PURGE_THRESHOLD) {
            Instant now = clock.instant();
            tokens.values().removeIf(token -> token.expiredAt(now));
        }
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        IssuedToken token = new IssuedToken(value, clientId, clock.instant().plus(lifetime));
        tokens.put(value, token);
        return token;
    }

    /** The token with this value, expired or not; empty when this issuer never issued it (or forgot it). */
    public Optional<IssuedToken> find(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(tokens.get(value));
    }

    /** Whether the token is expired now. */
    public boolean expired(IssuedToken token) {
        return token.expiredAt(clock.instant());
    }

    /** Every token issued so far expires now. */
    public void expireAll() {
        Instant now = clock.instant();
        tokens.replaceAll((value, token) -> token.expiredAt(now) ? token
                : new IssuedToken(value, token.clientId(), now));
    }
}
