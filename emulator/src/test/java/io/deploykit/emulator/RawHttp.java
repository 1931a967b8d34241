package io.deploykit.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request with any {@code Host} header, which the JDK's HTTP client does not let a caller set: what a
 * browser sends after DNS rebinding pointed a web site's name at 127.0.0.1.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * @param host    the Host header, or null for none
     * @param headers more header lines, each ending with CRLF
     * @return the status and body of the answer
     */
    public static Answer send(int port, String method, String path, String host, String headers) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            String request = method + " " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                             + headers + "Content-Length: 0\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            int bodyStart = answer.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : answer.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What came back. */
    public record Answer(int status, String body) {
    }
}
