package io.deploykit.examples.filedrop;

import java.io.IOException;
import java.time.Duration;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;

/**
 * The example's own connections to the FTP server, beside the routes' (the start-up check, the inbox claim): over
 * the same TLS as the routes, verifying the server's certificate and host name, logged in, binary, passive when
 * configured.
 */
final class FtpConnection {

    private FtpConnection() {
    }

    /** A client logged in to the configured server; the caller logs out and disconnects it. */
    static FTPClient open(FileDropProperties properties, ObjectProvider<SslBundles> sslBundles, Duration timeout)
            throws IOException {
        FileDropProperties.Ftp settings = properties.getFtp();
        FTPClient ftp = client(properties, sslBundles);
        ftp.setConnectTimeout((int) timeout.toMillis());
        ftp.setDefaultTimeout((int) timeout.toMillis());
        try {
            ftp.connect(settings.getHost(), settings.getPort());
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode()) || !ftp.login(settings.getUsername(), settings.getPassword())) {
                throw new IOException("Cannot log in to ftp://" + settings.getHost() + ":" + settings.getPort() + " as "
                                      + settings.getUsername() + ": " + ftp.getReplyString().strip());
            }
            if (ftp instanceof FTPSClient ftps) {
                ftps.execPBSZ(0);
                ftps.execPROT("P"); // the data channels encrypted too, as the routes' connections
            }
            if (settings.isPassive()) {
                ftp.enterLocalPassiveMode();
            }
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
            return ftp;
        } catch (IOException | RuntimeException e) {
            close(ftp);
            throw e;
        }
    }

    /** Logs out and disconnects, whatever state the connection is in. */
    static void close(FTPClient ftp) {
        if (ftp.isConnected()) {
            try {
                ftp.logout();
            } catch (IOException ignored) {
                // the session is over either way
            }
            try {
                ftp.disconnect();
            } catch (IOException ignored) {
                // as above
            }
        }
    }

    /** A plain FTP client, or an FTPS one that verifies the server's certificate and host name. */
    private static FTPClient client(FileDropProperties properties, ObjectProvider<SslBundles> sslBundles) {
        FileDropProperties.FtpTls tls = properties.getFtp().getTls();
        if (tls == FileDropProperties.FtpTls.none) {
            return new FTPClient();
        }
        FTPSClient ftps = new FTPSClient(tls == FileDropProperties.FtpTls.implicit,
                FtpTls.sslContext(properties, sslBundles));
        ftps.setEndpointCheckingEnabled(true);
        return ftps;
    }
}
