package io.deploykit.camel.core.http;

import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * How the transport connects: timeouts, pool size, proxy and TLS. An SSL context of {@code null} means the
 * JVM's default trust store, with certificate and host name verification on.
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, int maxConnections,
                           String proxyHost, int proxyPort, SSLContext sslContext, String userAgent) {

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
    }
}
