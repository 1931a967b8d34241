package io.deploykit.examples.filedrop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
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
    private final String user;
    private final String password;

    EmbeddedFtpServer(Path home) throws IOException, FtpException {
        this(home, USER, PASSWORD);
    }

    /** With this user, whose name may hold characters a URI gives a meaning to (&amp;, +). */
    EmbeddedFtpServer(Path home, String user, String password) throws IOException, FtpException {
        this(home, user, password, null);
    }

    /** FTPS with the key and certificate of this keystore: explicit (AUTH TLS on the FTP port) or implicit. */
    record Tls(Path keystore, String password, boolean implicit) {
    }

    private final Tls tls;
    private final AtomicInteger secureLogins = new AtomicInteger();
    private final AtomicInteger plainLogins = new AtomicInteger();

    EmbeddedFtpServer(Path home, String user, String password, Tls tls) throws IOException, FtpException {
        this.home = Files.createDirectories(home);
        this.user = user;
        this.password = password;
        this.tls = tls;
        this.port = freePort();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        if (tls != null) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(tls.keystore().toFile());
            ssl.setKeystorePassword(tls.password());
            ssl.setKeystoreType("PKCS12");
            listener.setSslConfiguration(ssl.createSslConfiguration());
            listener.setImplicitSsl(tls.implicit());
        }
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager userManager = users.createUserManager();
        BaseUser account = new BaseUser();
        account.setName(user);
        account.setPassword(password);
        account.setHomeDirectory(home.toString());
        // unlimited logins: the three consumers, the failure-note producers and the test's own client log in at once
        account.setAuthorities(List.of(new WritePermission(), new ConcurrentLoginPermission(0, 0)));
        userManager.save(account);
        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        factory.setUserManager(userManager);
        factory.setFtplets(new HashMap<>(Map.of("logins", new DefaultFtplet() {
            @Override
            public FtpletResult onLogin(FtpSession session, FtpRequest request) {
                (session.isSecure() ? secureLogins : plainLogins).incrementAndGet();
                return FtpletResult.DEFAULT;
            }
        })));
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

    /** The logins over TLS and those in the clear, as the server saw them. */
    int secureLogins() {
        return secureLogins.get();
    }

    int plainLogins() {
        return plainLogins.get();
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
        FTPClient client = tls == null ? new FTPClient() : testClient(tls.implicit());
        client.connect("127.0.0.1", port);
        try {
            if (!client.login(user, password)) {
                throw new IOException("login refused: " + client.getReplyString());
            }
            if (client instanceof FTPSClient ftps) {
                ftps.execPBSZ(0);
                ftps.execPROT("P");
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

    /** The test's own uploader trusts its own server's certificate as it is. */
    private static FTPSClient testClient(boolean implicit) {
        FTPSClient client = new FTPSClient(implicit);
        client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
        return client;
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
