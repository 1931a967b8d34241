package io.deploykit.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.deploykit.emulator.http.Sha256;

/** SHA-256 of files that may be gone, lower-case hexadecimal as the emulators record them ({@link Sha256}). */
final class Hashes {

    private Hashes() {
    }

    /** The hash of the file, or null when it does not exist (or vanished while being read). */
    static String sha256IfExists(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Sha256.of(file);
        } catch (IOException gone) {
            return null;
        }
    }
}
