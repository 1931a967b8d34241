package io.deploykit.camel.core.config;

import static org.apache.camel.util.ObjectHelper.isEmpty;
import static org.apache.camel.util.ObjectHelper.isNotEmpty;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

import io.deploykit.camel.core.http.HttpSettings;
import io.deploykit.camel.core.retry.RetryPolicy;

/**
 * The options every DeployKit component has: OAuth2 client credentials or a ready token, whether to wait for
 * background jobs, connection, proxy, TLS and retry settings. Each option is described once, in its
 * {@code @UriParam}: the metadata generator of a component module reads the Javadoc of its own sources only.
 */
@UriParams
public abstract class DeployKitConfiguration implements Cloneable {

    @UriParam(label = "security", secret = true,
              description = "The OAuth2 client id (application id) used with clientSecret to obtain access tokens.")
    private String clientId;
    @UriParam(label = "security", secret = true,
              description = "The OAuth2 client secret used with clientId to obtain access tokens.")
    private String clientSecret;
    @UriParam(label = "security", secret = true,
              description = "An access token obtained elsewhere, sent as it is instead of using client credentials."
                            + " It is not refreshed: a 401 fails the exchange.")
    private String accessToken;
    @UriParam(label = "security",
              description = "TLS configuration (trust store, key store) for the connections. When not set, the JVM's"
                            + " default trust store is used. Certificate and host name verification are always on.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "security", defaultValue = "false",
              description = "Whether baseUrl and tokenUrl may be plain http:// on a host that is not loopback. Off by"
                            + " default: tokens and secrets would cross the network in clear text. Loopback (localhost,"
                            + " 127.0.0.1, ::1) is always allowed, for local emulators and tunnels.")
    private boolean allowPlainHttp;

    @UriParam(label = "producer", defaultValue = "true",
              description = "Whether operations that start a background job wait until it has finished before the"
                            + " exchange continues. Waiting holds no thread.")
    private boolean waitForCompletion = true;

    @UriParam(label = "producer,advanced",
              description = "Where deploys record their progress step by step (a Camel StateRepository shared by every"
                            + " instance that may process the same message, such as a database table). With one, a"
                            + " deploy interrupted by a crash, a stop or another instance taking over continues from"
                            + " the step it reached, without sending again what may have taken effect, and a deploy"
                            + " that completed is not sent again. Deploys are told apart by the deploy key header, by"
                            + " default the file's name, length, last-modified time and SHA-256.")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "producer,advanced", defaultValue = "30s", javaType = "java.time.Duration",
              description = "How long a deploy waits for one read or write of the state repository. Its calls run on"
                            + " a small pool of the endpoint's own, never on the threads that carry HTTP requests; a"
                            + " call that takes longer fails the deploy with JournalUnavailableException, which names"
                            + " the state repository, and the message can be processed again once it answers.")
    private long stateRepositoryTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
              description = "How long to wait for a connection to be established.")
    private long connectTimeout = 30_000;
    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration",
              description = "How long to wait for the answer to a request (and between two packets of it).")
    private long responseTimeout = 300_000;
    @UriParam(label = "advanced", defaultValue = "20",
              description = "The most connections open at once per endpoint; further requests queue without holding"
                            + " a thread.")
    private int maxConnections = 20;
    @UriParam(label = "advanced", defaultValue = "5",
              description = "How many times a request refused with 429, 502, 503 or 504 (or whose connection broke,"
                            + " when it is safe to repeat) is sent again. 0 disables retries.")
    private int maxRetries = 5;
    @UriParam(label = "advanced", defaultValue = "1s", javaType = "java.time.Duration",
              description = "The first wait before a retry when the service sends no Retry-After; it doubles on each"
                            + " retry, with jitter.")
    private long retryDelay = 1_000;
    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration",
              description = "The longest wait before a retry, also for a longer Retry-After.")
    private long maxRetryDelay = 60_000;

    @UriParam(label = "health", defaultValue = "60s", javaType = "java.time.Duration",
              description = "How often the endpoint's producer health check may call the service: it obtains a token"
                            + " and makes one cheap read, and reports that result until this much time has passed, however"
                            + " often it is asked. Producer health checks are off unless Camel's are turned on"
                            + " (camel.health.producersEnabled=true).")
    private long healthCheckInterval = 60_000;
    @UriParam(label = "producer,advanced", defaultValue = "8388608",
              description = "Uploads of at least this many bytes log their progress (bytes sent, rate, time left) every"
                            + " tenth of their size or every 10 seconds, whichever comes first. Smaller uploads log only"
                            + " their start and end. The dev console shows the progress of every upload.")
    private long uploadProgressThreshold = 8L * 1024 * 1024;

    @UriParam(label = "proxy", description = "The host of an HTTP proxy. When not set, the JVM's proxy system"
                                             + " properties (https.proxyHost ...) apply.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "The port of the HTTP proxy.")
    private Integer proxyPort;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isAllowPlainHttp() {
        return allowPlainHttp;
    }

    public void setAllowPlainHttp(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public long getStateRepositoryTimeout() {
        return stateRepositoryTimeout;
    }

    public void setStateRepositoryTimeout(long stateRepositoryTimeout) {
        this.stateRepositoryTimeout = stateRepositoryTimeout;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public long getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(long healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public long getUploadProgressThreshold() {
        return uploadProgressThreshold;
    }

    public void setUploadProgressThreshold(long uploadProgressThreshold) {
        this.uploadProgressThreshold = uploadProgressThreshold;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    /** The service's base URL. */
    public abstract String getBaseUrl();

    /** The OAuth2 token endpoint (may hold placeholders such as {@code {tenantId}}). */
    public abstract String getTokenUrl();

    /** How often a background job's status is read while waiting, in milliseconds. */
    public abstract long getPollInterval();

    /** How many requests of one user may be on the wire at once, across the component's endpoints; 0 for no limit. */
    public abstract int getMaxConcurrentRequests();

    /** How long to wait for one background job, in milliseconds. */
    public abstract long getTimeout();

    /**
     * Checks what both components require alike; each adds its own rules. Fails with the option named, so a
     * mistake stops the route at start-up.
     */
    public void validate() {
        if (isEmpty(accessToken) && isNotEmpty(clientId) != isNotEmpty(clientSecret)) {
            throw new IllegalArgumentException((isNotEmpty(clientId) ? "clientId is set but clientSecret is not"
                    : "clientSecret is set but clientId is not") + ": both are needed to obtain tokens");
        }
        if (getPollInterval() <= 0) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + getPollInterval() + " ms");
        }
        if (getTimeout() <= 0) {
            throw new IllegalArgumentException("timeout must be positive, was " + getTimeout() + " ms");
        }
        if (stateRepositoryTimeout <= 0) {
            throw new IllegalArgumentException("stateRepositoryTimeout must be positive, was " + stateRepositoryTimeout + " ms");
        }
        if (healthCheckInterval < 0) {
            throw new IllegalArgumentException("healthCheckInterval must not be negative, was " + healthCheckInterval + " ms");
        }
        if (getMaxConcurrentRequests() < 0) {
            throw new IllegalArgumentException("maxConcurrentRequests must not be negative, was " + getMaxConcurrentRequests());
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        retryPolicy(); // checks maxRetries, retryDelay and maxRetryDelay
        checkTransport("baseUrl", getBaseUrl());
        if (hasClientCredentials() && isEmpty(accessToken)) {
            checkTransport("tokenUrl", getTokenUrl());
        }
    }

    /** https, or http to loopback (or anywhere with allowPlainHttp): never secrets in clear text by accident. */
    private void checkTransport(String option, String url) {
        if (isEmpty(url)) {
            return; // required-ness is each component's rule
        }
        URI uri;
        try {
            uri = URI.create(url.replaceAll("\\{[A-Za-z]+}", "placeholder"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (!scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(option + " must be an https:// URL, was " + url);
        }
        if (!allowPlainHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(option + " is plain http to " + uri.getHost() + ": tokens and secrets would"
                                               + " cross the network in clear text. Use https, or set allowPlainHttp=true"
                                               + " if the network itself is trusted");
        }
    }

    private static boolean isLoopback(String host) {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost is never looked up here
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Whether an access token or OAuth2 client credentials (both parts) were given. */
    public boolean hasOAuth() {
        return isNotEmpty(accessToken) || hasClientCredentials();
    }

    /** Whether OAuth2 client credentials were given (both parts). */
    public boolean hasClientCredentials() {
        return isNotEmpty(clientId) && isNotEmpty(clientSecret);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxRetries, Duration.ofMillis(retryDelay), Duration.ofMillis(maxRetryDelay));
    }

    public HttpSettings httpSettings(org.apache.camel.CamelContext context, String userAgent) {
        try {
            return new HttpSettings(Duration.ofMillis(connectTimeout), Duration.ofMillis(responseTimeout), maxConnections,
                    proxyHost, proxyPort == null ? 0 : proxyPort,
                    sslContextParameters == null ? null : sslContextParameters.createSSLContext(context), userAgent);
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new RuntimeCamelException("Could not create the SSL context from sslContextParameters", e);
        }
    }

    /** A copy, so that an endpoint's options never change the component's. */
    public DeployKitConfiguration copy() {
        try {
            return (DeployKitConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
