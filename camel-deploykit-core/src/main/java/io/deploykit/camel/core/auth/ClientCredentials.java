package io.deploykit.camel.core.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What identifies a cached token: endpoint, client and scope, and a digest of the secret (so that a changed
 * secret gets a new token, and the secret itself is never a map key or in a {@code toString()}).
 */
public record ClientCredentials(URI tokenUrl, String clientId, String scope, String secretDigest) {

    public static ClientCredentials of(URI tokenUrl, String clientId, String clientSecret, String scope) {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        return new ClientCredentials(tokenUrl, clientId, scope, sha256(clientSecret));
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
