package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The FTP work folder where POSIX permissions do not exist (Windows): on a real file system without them (the JDK's
 * zip file system, as Windows' has none either) the folder is still made, used and removed, with a warning; the
 * access list used where ACLs exist grants the owner alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class FtpWorkDirectoryTest {

    @TempDir
    Path work;

    private static FileDropProperties ftpSource() {
        FileDropProperties properties = new FileDropProperties();
        properties.setSource(FileDropProperties.Source.ftp);
        return properties;
    }

    @Test
    void onAFileSystemWithoutPosixPermissionsTheFolderIsMadeUsedAndRemoved(CapturedOutput output) throws Exception {
        try (FileSystem zip = FileSystems.newFileSystem(work.resolve("no-posix.zip"), Map.of("create", "true"))) {
            Path root = Files.createDirectories(zip.getPath("/tmp"));
            // a file system as Windows' is for this: no POSIX permissions, which the start used to set, refused
            assertTrue(!zip.supportedFileAttributeViews().contains("posix") && !zip.supportedFileAttributeViews().contains("acl"));
            assertThrows(UnsupportedOperationException.class, () -> Files.setPosixFilePermissions(
                    Files.createDirectories(root.resolve("probe")), PosixFilePermissions.fromString("rwx------")));

            FtpWorkDirectory folder = new FtpWorkDirectory(ftpSource(), root);
            assertEquals(FtpWorkDirectory.Privacy.NONE, folder.privacy());
            assertTrue(Files.isDirectory(folder.path()) && folder.path().getFileName().toString().startsWith("deploykit-ftp-"));
            Files.writeString(folder.path().resolve("downloaded.rapidstart"), "x");
            folder.close();
            assertTrue(Files.notExists(folder.path()), "removed at stop");
        }
        assertTrue(output.getOut().contains("cannot be made private") && output.getOut().contains("local-work-directory"),
                "a warning says how to choose a private folder");
    }

    @Test
    void onThisMachinesFileSystemTheFolderIsOwnerOnly() throws Exception {
        FtpWorkDirectory folder = new FtpWorkDirectory(ftpSource(), work);
        try {
            if (folder.privacy() == FtpWorkDirectory.Privacy.POSIX) {
                assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(folder.path()));
            } else {
                assertEquals(FtpWorkDirectory.Privacy.ACL, folder.privacy(), "Windows: an access list");
                assertEquals(FtpWorkDirectory.ownerOnly(Files.getOwner(folder.path())),
                        Files.getFileAttributeView(folder.path(), java.nio.file.attribute.AclFileAttributeView.class).getAcl());
            }
        } finally {
            folder.close();
        }
    }

    @Test
    void theAccessListGrantsTheOwnerAloneEverything() {
        UserPrincipal owner = () -> "deployer";
        List<AclEntry> acl = FtpWorkDirectory.ownerOnly(owner);
        assertEquals(1, acl.size(), "no entry for anyone else: " + acl);
        assertEquals(owner, acl.get(0).principal());
        assertEquals(AclEntryType.ALLOW, acl.get(0).type());
        assertEquals(EnumSet.allOf(AclEntryPermission.class), acl.get(0).permissions());
    }
}
