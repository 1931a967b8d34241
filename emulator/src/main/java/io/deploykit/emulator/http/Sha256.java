package io.deploykit.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests of stored content, in lower-case hexadecimal: how the emulators account for what was deployed. */
public final class Sha256 {

    private Sha256() {
    }

    /** A new digest, to update as content streams through it. */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The digest's hash in lower-case hexadecimal; the digest is reset. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hash of these bytes in lower-case hexadecimal. */
    public static String of(byte[] content) {
        return HexFormat.of().formatHex(newDigest().digest(content));
    }

    /** The hash of a file's content in lower-case hexadecimal, streamed: to compare a local file with the history. */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             DigestingOutputStream out = new DigestingOutputStream(OutputStream.nullOutputStream())) {
            in.transferTo(out);
            out.close();
            return out.sha256();
        }
    }
}
