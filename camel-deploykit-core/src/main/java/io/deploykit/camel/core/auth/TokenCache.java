package io.deploykit.camel.core.auth;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;

import io.deploykit.camel.core.retry.RetryPolicy;

/** The tokens of one component, one authenticator per set of credentials, shared by all its endpoints. */
public final class TokenCache {

    private final ConcurrentMap<ClientCredentials, ClientCredentialsAuthenticator> authenticators = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    public TokenCache(ScheduledExecutorService scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public ClientCredentialsAuthenticator forCredentials(ClientCredentials credentials, String clientSecret,
                                                         RetryPolicy retry) {
        return authenticators.computeIfAbsent(credentials,
                key -> new ClientCredentialsAuthenticator(key, clientSecret, retry, scheduler, clock));
    }

    /** Tokens fetched by all authenticators so far. */
    public long fetchCount() {
        return authenticators.values().stream().mapToLong(ClientCredentialsAuthenticator::fetchCount).sum();
    }

    public void clear() {
        authenticators.clear();
    }
}
