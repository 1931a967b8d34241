package io.deploykit.examples.filedrop;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where files taken from FTP are downloaded before they are deployed: a folder only this instance's user can read,
 * so that nobody else on the machine reads or swaps a package between its download and its upload. By default a
 * new temporary folder of this instance, removed at stop; a configured folder is made owner-only and kept.
 * Owner-only means POSIX permissions {@code rwx------} (Linux, macOS), or an access list granting the owner alone
 * (Windows, whose file systems have ACLs and no POSIX permissions); on a file system with neither, the folder is
 * used as it is and a warning says how to choose a private one.
 */
@Component
class FtpWorkDirectory implements AutoCloseable {

    /** How the folder is kept private. */
    enum Privacy { POSIX, ACL, NONE }

    private static final Logger LOG = LoggerFactory.getLogger(FtpWorkDirectory.class);

    private final Path path;
    private final boolean temporary;
    private final Privacy privacy;

    @Autowired
    FtpWorkDirectory(FileDropProperties properties) throws IOException {
        this(properties, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** With its temporary folder made under {@code temporaryRoot}, on whatever file system that is. */
    FtpWorkDirectory(FileDropProperties properties, Path temporaryRoot) throws IOException {
        String configured = properties.getFtp().getLocalWorkDirectory();
        if (properties.getSource() != FileDropProperties.Source.ftp) {
            path = null; // nothing is downloaded from a local folder
            temporary = false;
            privacy = null;
            return;
        }
        boolean configuredFolder = configured != null && !configured.isBlank();
        Path parent = configuredFolder ? Path.of(configured).toAbsolutePath().getParent() : temporaryRoot;
        Set<String> views = parent.getFileSystem().supportedFileAttributeViews();
        privacy = views.contains("posix") ? Privacy.POSIX : views.contains("acl") ? Privacy.ACL : Privacy.NONE;
        if (configuredFolder) {
            path = Files.createDirectories(Path.of(configured).toAbsolutePath());
            temporary = false;
            restrict(path);
        } else if (privacy == Privacy.POSIX) {
            // made owner-only at once: never readable by others, not even for a moment
            path = Files.createTempDirectory(temporaryRoot, "deploykit-ftp-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            temporary = true;
        } else {
            path = Files.createTempDirectory(temporaryRoot, "deploykit-ftp-");
            temporary = true;
            restrict(path);
        }
    }

    private void restrict(Path folder) throws IOException {
        switch (privacy) {
            case POSIX -> Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            case ACL -> {
                AclFileAttributeView acl = Files.getFileAttributeView(folder, AclFileAttributeView.class);
                acl.setAcl(ownerOnly(Files.getOwner(folder)));
            }
            case NONE -> LOG.warn("The FTP work folder {} cannot be made private: its file system has neither POSIX"
                                  + " permissions nor access lists. Other users of this machine may read the packages"
                                  + " downloaded there: set deploykit.example.ftp.local-work-directory to a folder only"
                                  + " this user can open", folder);
        }
    }

    /** An access list that lets the owner do everything in the folder and its files, and nobody else anything. */
    static List<AclEntry> ownerOnly(UserPrincipal owner) {
        return List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT).build());
    }

    /** The folder; null when files come from a local folder. */
    Path path() {
        return path;
    }

    /** How the folder is kept private; null when files come from a local folder. */
    Privacy privacy() {
        return privacy;
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
