package io.deploykit.camel.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.util.ObjectHelper;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.error.ApiException;
import io.deploykit.camel.core.error.AuthenticationException;
import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.http.ApiClient;
import io.deploykit.camel.core.http.HttpCall;
import io.deploykit.camel.core.http.HttpResult;
import io.deploykit.camel.core.http.HttpTransport;
import io.deploykit.camel.core.http.RequestBody;
import io.deploykit.camel.core.json.ApiJson;
import io.deploykit.camel.core.observe.DeployKitStatistics;
import io.deploykit.camel.core.observe.Outcome;
import io.deploykit.camel.core.retry.RetryPolicy;
import io.deploykit.camel.core.support.Failures;

/**
 * OAuth2 client credentials (Microsoft Entra ID, Adobe IMS): fetches a token, keeps it until shortly before it
 * expires, and lets concurrent requests share one fetch. One instance per {@link ClientCredentials}, shared by
 * every endpoint that uses them (see {@link TokenCache}).
 */
public final class ClientCredentialsAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsAuthenticator.class);
    private static final Duration MAX_EARLY_REFRESH = Duration.ofMinutes(5);

    private final ClientCredentials credentials;
    private final String clientSecret;
    private final RetryPolicy retry;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final DeployKitStatistics statistics;

    private String header;
    private Instant refreshAt = Instant.MIN;
    private Instant expiresAt;
    private CompletableFuture<String> fetching;
    private long fetches;
    private Instant lastFailureAt;
    private String lastFailure;

    public ClientCredentialsAuthenticator(ClientCredentials credentials, String clientSecret, RetryPolicy retry,
                                          ScheduledExecutorService scheduler, Clock clock) {
        this(credentials, clientSecret, retry, scheduler, clock, null);
    }

    /** @param statistics where fetches and the retries of their requests are counted; null for nowhere */
    public ClientCredentialsAuthenticator(ClientCredentials credentials, String clientSecret, RetryPolicy retry,
                                          ScheduledExecutorService scheduler, Clock clock, DeployKitStatistics statistics) {
        this.credentials = credentials;
        this.clientSecret = clientSecret;
        this.retry = retry;
        this.scheduler = scheduler;
        this.clock = clock;
        this.statistics = statistics;
    }

    /**
     * What this cache entry holds, without the token: whose it is, when it expires and is refreshed, how many were
     * fetched, and the last refusal (whose message never holds the secret).
     *
     * @param expiresAt null while no token was had
     */
    public record State(String clientId, String tokenUrl, String scope, Instant expiresAt, Instant refreshAt,
                        long fetches, Instant lastFailureAt, String lastFailure) {
    }

    public synchronized State state() {
        return new State(credentials.clientId(), credentials.tokenUrl().toString(), credentials.scope(),
                header == null ? null : expiresAt, header == null ? null : refreshAt, fetches, lastFailureAt, lastFailure);
    }

    @Override
    public synchronized CompletableFuture<String> authorization(HttpTransport transport) {
        if (header != null && clock.instant().isBefore(refreshAt)) {
            return CompletableFuture.completedFuture(header);
        }
        CompletableFuture<String> pending = fetching;
        if (pending == null) {
            // a local: a fetch that completes at once runs the callback below before we return
            CompletableFuture<String> started = fetch(transport);
            pending = started;
            fetching = started;
            started.whenComplete((value, failure) -> {
                synchronized (this) {
                    if (fetching == started) {
                        fetching = null;
                    }
                }
            });
        }
        return pending;
    }

    @Override
    public synchronized boolean invalidate(String rejected) {
        if (rejected != null && rejected.equals(header)) {
            header = null;
            refreshAt = Instant.MIN;
        }
        return true;
    }

    private CompletableFuture<String> fetch(HttpTransport transport) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", credentials.clientId());
        form.put("client_secret", clientSecret);
        if (ObjectHelper.isNotEmpty(credentials.scope())) {
            form.put("scope", credentials.scope());
        }
        HttpCall call = HttpCall.post(credentials.tokenUrl(), RequestBody.form(form))
                .header("Accept", ContentType.APPLICATION_JSON.getMimeType())
                .idempotent(true); // asking for a token twice does no harm
        Instant asked = clock.instant();
        return new ApiClient(transport, NONE, retry, this::tokenError, scheduler, statistics).send(call)
                .thenApply(result -> accept(result, asked))
                .whenComplete((token, failure) -> fetched(failure));
    }

    private void fetched(Throwable failure) {
        if (failure != null) {
            synchronized (this) {
                lastFailureAt = clock.instant();
                Throwable cause = Failures.unwrap(failure);
                lastFailure = Failures.message(cause);
            }
        }
        if (statistics != null) {
            statistics.tokenFetched(Outcome.of(failure));
        }
    }

    private String accept(HttpResult result, Instant asked) {
        JsonNode json = ApiJson.treeOrNull(result.body());
        String token = ApiJson.text(json, "access_token");
        if (ObjectHelper.isEmpty(token)) {
            throw new DeployKitException("The token endpoint " + credentials.tokenUrl() + " answered HTTP "
                                         + result.status() + " without an access_token");
        }
        long seconds = json.path("expires_in").asLong(3600);
        Duration lifetime = Duration.ofSeconds(Math.max(1, seconds));
        Duration early = lifetime.dividedBy(10).compareTo(MAX_EARLY_REFRESH) < 0 ? lifetime.dividedBy(10) : MAX_EARLY_REFRESH;
        synchronized (this) {
            header = "Bearer " + token;
            expiresAt = asked.plus(lifetime);
            refreshAt = expiresAt.minus(early);
            fetches++;
            LOG.debug("Obtained an access token for client {} from {}, valid for {}", credentials.clientId(),
                    credentials.tokenUrl(), lifetime);
            return header;
        }
    }

    private ApiException tokenError(HttpCall call, HttpResult result) {
        JsonNode json = ApiJson.treeOrNull(result.body());
        String error = ApiJson.text(json, "error");
        String description = ApiJson.text(json, "error_description");
        if (description == null) {
            description = ApiJson.text(json, "message");
        }
        String correlation = ApiJson.text(json, "correlation_id");
        if (correlation == null) {
            correlation = result.header("x-ms-request-id");
        }
        String message = "client " + credentials.clientId() + " could not obtain a token"
                         + (description == null ? "" : ": " + description);
        return new AuthenticationException(call.method(), call.uri().toString(), result.status(), error, message, correlation);
    }

    @Override
    public String toString() {
        return "ClientCredentialsAuthenticator[" + credentials.clientId() + " at " + credentials.tokenUrl() + "]";
    }
}
