package io.deploykit.examples.filedrop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.commons.net.ftp.FTPClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * Before any file is picked up, proves that files can be moved out of each inbox folder into its {@code .done} and
 * {@code .error} folders, by making the folders and moving a probe file into each. Start-up fails otherwise, naming
 * the folder: a file that is deployed but cannot be moved would stay in the inbox (it is not deployed again, its
 * deploy is recorded, but it would be picked at every poll).
 */
@Component
class InboxCheck implements InitializingBean {

    static final List<String> FOLDERS = List.of("releases", "apps", "rapidstart", "pictures", "extensions");

    private static final Logger LOG = LoggerFactory.getLogger(InboxCheck.class);
    private static final List<String> TARGETS = List.of(Inbox.DONE, Inbox.ERROR);

    private final FileDropProperties properties;
    private final ObjectProvider<SslBundles> sslBundles;

    InboxCheck(FileDropProperties properties, ObjectProvider<SslBundles> sslBundles) {
        this.properties = properties;
        this.sslBundles = sslBundles;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        if (properties.getSource() == FileDropProperties.Source.ftp) {
            checkFtp();
        } else {
            checkLocal();
        }
    }

    private void checkLocal() {
        for (String folder : FOLDERS) {
            Path dir = Path.of(properties.getInbox(), folder).toAbsolutePath();
            for (String target : TARGETS) {
                try {
                    Path into = Files.createDirectories(dir.resolve(target));
                    Path probe = Files.createTempFile(dir, ".deploykit-probe-", ".tmp");
                    Path moved = Files.move(probe, into.resolve(probe.getFileName()));
                    Files.delete(moved);
                } catch (IOException | RuntimeException e) {
                    throw cannotMove(dir.toString(), target, e.toString());
                }
            }
        }
        LOG.debug("Files can be moved out of the inbox folders under {}", Path.of(properties.getInbox()).toAbsolutePath());
    }

    private void checkFtp() throws IOException {
        FileDropProperties.Ftp settings = properties.getFtp();
        FTPClient ftp;
        try {
            ftp = FtpConnection.open(properties, sslBundles, Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        try {
            String home = ftp.printWorkingDirectory();
            for (String folder : FOLDERS) {
                String dir = Inbox.trimSlashes(properties.getInbox()) + "/" + folder;
                for (String target : TARGETS) {
                    makeDirectories(ftp, home, dir + "/" + target);
                    String probe = ".deploykit-probe-" + UUID.randomUUID() + ".tmp";
                    String from = dir + "/" + probe;
                    String to = dir + "/" + target + "/" + probe;
                    if (!ftp.storeFile(from, new ByteArrayInputStream(new byte[0]))) {
                        throw cannotMove("ftp://" + settings.getHost() + "/" + dir, target, "storing a file: " + reply(ftp));
                    }
                    if (!ftp.rename(from, to)) {
                        String why = reply(ftp);
                        ftp.deleteFile(from);
                        throw cannotMove("ftp://" + settings.getHost() + "/" + dir, target, "renaming a file: " + why);
                    }
                    ftp.deleteFile(to);
                }
            }
        } finally {
            FtpConnection.close(ftp);
        }
    }

    private static void makeDirectories(FTPClient ftp, String home, String path) throws IOException {
        StringBuilder dir = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            dir.append(dir.length() == 0 ? "" : "/").append(part);
            ftp.makeDirectory(dir.toString()); // refused when it exists: checked below
        }
        boolean exists = ftp.changeWorkingDirectory(path);
        ftp.changeWorkingDirectory(home);
        if (!exists) {
            throw new IllegalStateException("Cannot make the FTP folder " + path + ": " + reply(ftp));
        }
    }

    private static String reply(FTPClient ftp) {
        return ftp.getReplyString() == null ? "no reply" : ftp.getReplyString().strip();
    }

    private static IllegalStateException cannotMove(String folder, String target, String why) {
        return new IllegalStateException("Files cannot be moved from " + folder + " into its " + target + " folder ("
                                         + why + "). Give this user the rights to make " + target + " and to move files"
                                         + " into it: a deployed file that cannot be moved would stay in the inbox");
    }
}
