package io.deploykit.camel.core.auth;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.support.service.ServiceSupport;

import io.deploykit.camel.core.observe.DeployKitStatistics;
import io.deploykit.camel.core.retry.RetryPolicy;

/**
 * The tokens of one component, one authenticator per set of credentials, shared by all its endpoints; a service of
 * the component, emptied when it stops.
 */
public final class TokenCache extends ServiceSupport {

    private final ConcurrentMap<ClientCredentials, ClientCredentialsAuthenticator> authenticators = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final DeployKitStatistics statistics;

    /** @param statistics where token fetches (and the retries of their requests) are counted; null for nowhere */
    public TokenCache(ScheduledExecutorService scheduler, Clock clock, DeployKitStatistics statistics) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.statistics = statistics;
    }

    public ClientCredentialsAuthenticator forCredentials(ClientCredentials credentials, String clientSecret,
                                                         RetryPolicy retry) {
        return authenticators.computeIfAbsent(credentials,
                key -> new ClientCredentialsAuthenticator(key, clientSecret, retry, scheduler, clock, statistics));
    }

    /** What each cached set of credentials holds now, never the token itself: for consoles. */
    public List<ClientCredentialsAuthenticator.State> entries() {
        return authenticators.values().stream().map(ClientCredentialsAuthenticator::state)
                .sorted(Comparator.comparing(ClientCredentialsAuthenticator.State::clientId)).toList();
    }

    @Override
    protected void doStop() {
        authenticators.clear();
    }
}
