package io.deploykit.examples.filedrop;

import java.security.NoSuchAlgorithmException;

import javax.net.ssl.SSLContext;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trust that verifies the FTPS server's certificate when {@code deploykit.example.ftp.ssl-bundle} names a Spring
 * Boot SSL bundle: for Camel's ftps endpoints (as {@link SSLContextParameters}) and for the start-up check.
 */
@Configuration(proxyBeanMethods = false)
class FtpTls {

    static final String BEAN = "deploykitFtpTls";

    @Bean(BEAN)
    @ConditionalOnProperty(prefix = "deploykit.example.ftp", name = "ssl-bundle")
    SSLContextParameters deploykitFtpTls(FileDropProperties properties, SslBundles bundles) {
        SslBundle bundle = bundles.getBundle(properties.getFtp().getSslBundle());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(bundle.getManagers().getTrustManagers()[0]);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /** The TLS context of the FTPS connection: the bundle's, or the JVM's default. */
    static SSLContext sslContext(FileDropProperties properties, ObjectProvider<SslBundles> bundles) {
        String name = properties.getFtp().getSslBundle();
        if (name != null && !name.isBlank()) {
            return bundles.getObject().getBundle(name).createSslContext();
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No TLS in this JVM: " + e.getMessage(), e);
        }
    }
}
