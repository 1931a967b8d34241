package io.deploykit.examples.filedrop;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    @Override
    public void close() {
        server.stop();
    }
}
