package io.deploykit.examples.filedrop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/** A real FTP server (Apache FtpServer) on loopback, with one user whose home is a local folder. */
final class EmbeddedFtpServer implements AutoCloseable {

    static final String USER = "deployer";
    static final String PASSWORD = "ftp-secret";

    private final FtpServer server;
    private final int port;
    private final Path home;

    EmbeddedFtpServer(Path home) throws IOException, FtpException {
        this.home = Files.createDirectories(home);
        this.port = freePort();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager userManager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(home.toString());
        // unlimited logins: the three consumers, the failure-note producers and the test's own client log in at once
        user.setAuthorities(List.of(new WritePermission(), new ConcurrentLoginPermission(0, 0)));
        userManager.save(user);
        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        factory.setUserManager(userManager);
        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setMaxLogins(100); // the default, 10, is near what the routes and the test hold open
        factory.setConnectionConfig(connections.createConnectionConfig());
        server = factory.createServer();
        server.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    Path home() {
        return home;
    }

    /** Uploads as a user would, with an FTP client, making the directories on the way. */
    void upload(Path file, String remotePath) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            upload(in, remotePath, 0, Duration.ZERO);
        }
    }

    /**
     * Uploads slowly: {@code chunk} bytes, then a pause, and so on (0 for all at once), as a slow or distant client
     * does; the file on the server grows while the upload runs.
     */
    void upload(InputStream content, String remotePath, int chunk, Duration pause) throws IOException {
        FTPClient client = new FTPClient();
        client.connect("127.0.0.1", port);
        try {
            if (!client.login(USER, PASSWORD)) {
                throw new IOException("login refused: " + client.getReplyString());
            }
            client.enterLocalPassiveMode();
            client.setFileType(FTP.BINARY_FILE_TYPE);
            String[] parts = remotePath.split("/");
            StringBuilder dir = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                dir.append('/').append(parts[i]);
                client.makeDirectory(dir.toString());
            }
            try (OutputStream out = client.storeFileStream("/" + remotePath)) {
                if (out == null) {
                    throw new IOException("upload refused: " + client.getReplyString());
                }
                byte[] buffer = new byte[chunk > 0 ? chunk : 64 * 1024];
                for (int n = content.read(buffer); n > 0; n = content.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                    if (chunk > 0) {
                        sleep(pause);
                    }
                }
            }
            if (!client.completePendingCommand()) {
                throw new IOException("upload failed: " + client.getReplyString());
            }
        } finally {
            client.logout();
            client.disconnect();
        }
    }

    private static void sleep(Duration pause) throws IOException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
