package io.deploykit.emulator.bc.odata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Weak ETags shaped like Business Central's, {@code W/"JzE5OzE..."}: the base64 of {@code '<n>;<hash>;00;'},
 * where the hash changes with every version of the entity.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(String entityId, long version) {
        String hash = Base64.getEncoder().withoutPadding().encodeToString(sha256(entityId + "/" + version));
        String inner = "'" + hash.length() + ";" + hash + "1;00;'";
        return "W/\"" + Base64.getEncoder().encodeToString(inner.getBytes(StandardCharsets.US_ASCII)) + "\"";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
