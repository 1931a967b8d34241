package io.deploykit.examples.filedrop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.apache.commons.net.ftp.FTPClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;

/** Where an {@link InboxClaim} lives: a file in the local inbox folder, or on the FTP server. */
final class InboxClaimStores {

    private InboxClaimStores() {
    }

    static InboxClaim.Store of(FileDropProperties properties, ObjectProvider<SslBundles> sslBundles) {
        return properties.getSource() == FileDropProperties.Source.ftp
                ? new OnFtp(properties, sslBundles, Inbox.trimSlashes(properties.getInbox()))
                : new Local(Path.of(properties.getInbox()).toAbsolutePath().resolve(InboxClaim.FILE));
    }

    /** A file of the inbox folder, replaced by an atomic rename. */
    record Local(Path file) implements InboxClaim.Store {

        @Override
        public String read() {
            try {
                return Files.readString(file);
            } catch (NoSuchFileException none) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the claim " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void write(String content) {
            try {
                Files.createDirectories(file.getParent());
                Path next = file.resolveSibling(file.getFileName() + ".next");
                Files.writeString(next, content);
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the claim " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove the claim " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String where() {
            return file.toString();
        }
    }

    /** A file in the inbox directory of the FTP server, uploaded under another name and renamed. */
    record OnFtp(FileDropProperties properties, ObjectProvider<SslBundles> sslBundles, String inbox)
            implements InboxClaim.Store {

        private String path() {
            return (inbox.isEmpty() ? "" : "/" + inbox) + "/" + InboxClaim.FILE;
        }

        private interface Session<T> {
            T run(FTPClient client) throws IOException;
        }

        private <T> T withClient(String what, Session<T> session) {
            FTPClient client = null;
            try {
                client = FtpConnection.open(properties, sslBundles, Duration.ofSeconds(10));
                return session.run(client);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot " + what + " the claim " + where() + ": " + e.getMessage(), e);
            } finally {
                if (client != null) {
                    FtpConnection.close(client);
                }
            }
        }

        @Override
        public String read() {
            return withClient("read", client -> {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                if (!client.retrieveFile(path(), content)) {
                    return null; // absent (the server says 550)
                }
                return content.toString(StandardCharsets.UTF_8);
            });
        }

        @Override
        public void write(String content) {
            withClient("write", client -> {
                String next = path() + ".next";
                if (!client.storeFile(next, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                    || !(client.rename(next, path()) || client.deleteFile(path()) && client.rename(next, path()))) {
                    throw new IOException(client.getReplyString().strip());
                }
                return null;
            });
        }

        @Override
        public void delete() {
            withClient("remove", client -> client.deleteFile(path()));
        }

        @Override
        public String where() {
            return "ftp://" + properties.getFtp().getHost() + ":" + properties.getFtp().getPort() + path();
        }
    }
}
