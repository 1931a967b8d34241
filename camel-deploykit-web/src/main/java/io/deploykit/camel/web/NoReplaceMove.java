package io.deploykit.camel.web;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Moves a file to a name in the same file system only when that name is free, at once: a hard link to the new name
 * (which the file system refuses when the name exists, however many instances try together), then the old name
 * removed. Where links are not supported, a move without replacing, which checks the name first.
 */
final class NoReplaceMove {

    private NoReplaceMove() {
    }

    /** @throws FileAlreadyExistsException when {@code target} exists; {@code source} is then left as it was */
    static void move(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException taken) {
            throw taken;
        } catch (IOException | UnsupportedOperationException noLinks) {
            Files.move(source, target);
            return;
        }
        Files.delete(source);
    }
}
