package io.deploykit.examples.filedrop;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

import org.springframework.stereotype.Component;

/**
 * Where files taken from FTP are downloaded before they are deployed: a folder only this instance's user can read,
 * so that nobody else on the machine reads or swaps a package between its download and its upload. By default a
 * new temporary folder of this instance, removed at stop; a configured folder is made owner-only and kept.
 */
@Component
class FtpWorkDirectory implements AutoCloseable {

    private final Path path;
    private final boolean temporary;

    FtpWorkDirectory(FileDropProperties properties) throws IOException {
        String configured = properties.getFtp().getLocalWorkDirectory();
        if (properties.getSource() != FileDropProperties.Source.ftp) {
            path = null; // nothing is downloaded from a local folder
            temporary = false;
            return;
        }
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        if (configured == null || configured.isBlank()) {
            path = Files.createTempDirectory("deploykit-ftp-", ownerOnly);
            temporary = true;
        } else {
            path = Files.createDirectories(Path.of(configured).toAbsolutePath());
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            temporary = false;
        }
    }

    /** The folder; null when files come from a local folder. */
    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (!temporary || path == null || Files.notExists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
