package io.deploykit.camel.core.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What identifies a cached token: endpoint, client and scope, and a digest of the secret (so that a changed
 * secret gets a new token, and the secret itself is never a map key or in a {@code toString()}).
 */
public record ClientCredentials(URI tokenUrl, String clientId, String scope, String secretDigest) {

    /** A key of this JVM only: the digest tells two secrets apart, and is of no use outside the process. */
    private static final byte[] SALT = randomBytes(32);

    public static ClientCredentials of(URI tokenUrl, String clientId, String clientSecret, String scope) {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        return new ClientCredentials(tokenUrl, clientId, scope, hmac(clientSecret));
    }

    /** Random bytes: nextBytes, not generateSeed, which may block at class loading on a machine short of entropy. */
    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SALT, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /** The token URL, client id and scope; nothing derived from the secret. */
    @Override
    public String toString() {
        return "ClientCredentials[" + clientId + " at " + tokenUrl + (scope == null ? "" : " scope " + scope) + "]";
    }
}
