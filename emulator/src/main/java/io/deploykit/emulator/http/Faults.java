package io.deploykit.emulator.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults to inject into the next requests, for tests of retries, timeouts and recovery. Each fault hits a number of
 * matching requests and is then used up; faults hit in the order they were added, one fault per request.
 * <p>
 * The methods here hit the emulated service's API (not its token endpoint, nor the {@code /_emulator}
 * administration endpoints); {@link #matching(String, String)} chooses other requests, the token endpoint included.
 */
public class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong injected = new AtomicLong();
    private final TokenIssuer tokens;
    private final Pattern apiPaths;
    private final FaultScope api;

    /**
     * @param tokens       the issuer whose tokens {@link #expireAllTokens()} expires
     * @param apiPathRegex the paths of the service's API, which the unscoped methods hit
     */
    public Faults(TokenIssuer tokens, String apiPathRegex) {
        this.tokens = tokens;
        this.apiPaths = Pattern.compile(apiPathRegex);
        this.api = new FaultScope(this, null, apiPaths);
    }

    /**
     * Faults for the requests of one method whose whole path (without the query) matches a regular expression, such
     * as {@code matching("POST", ".*Microsoft.NAV.import")}.
     *
     * @param method    the HTTP method, or null or {@code *} for any
     * @param pathRegex the regular expression, or null for the paths of the service's API
     */
    public FaultScope matching(String method, String pathRegex) {
        String anyMethod = method == null || method.equals("*") ? null : method;
        return new FaultScope(this, anyMethod, pathRegex == null ? apiPaths : Pattern.compile(pathRegex));
    }

    /** The next {@code requests} API requests get 429, with {@code Retry-After} seconds unless that is null. */
    public Faults rateLimit(int requests, Integer retryAfterSeconds) {
        api.rateLimit(requests, retryAfterSeconds);
        return this;
    }

    /** The next {@code requests} API requests get 503, with {@code Retry-After} seconds unless that is null. */
    public Faults serviceUnavailable(int requests, Integer retryAfterSeconds) {
        api.serviceUnavailable(requests, retryAfterSeconds);
        return this;
    }

    /**
     * The next {@code requests} API requests are answered only after {@code delay}, during which each holds its slot
     * of the operational limits (see {@code BcLimits}), as a request the service is slow to answer does.
     */
    public Faults slow(int requests, Duration delay) {
        api.slow(requests, delay);
        return this;
    }

    /** The next {@code requests} API requests have their connection closed without an answer. */
    public Faults dropConnection(int requests) {
        api.dropConnection(requests);
        return this;
    }

    /**
     * The next {@code requests} API requests are handled as usual, then answered 504 Gateway Timeout instead: the
     * client cannot tell that the service acted.
     */
    public Faults gatewayTimeoutAfterActing(int requests) {
        api.gatewayTimeoutAfterActing(requests);
        return this;
    }

    /** The next {@code requests} API requests are handled as usual, then answered 502 Bad Gateway instead. */
    public Faults badGatewayAfterActing(int requests) {
        api.badGatewayAfterActing(requests);
        return this;
    }

    /** The next {@code requests} API requests are handled as usual, then their connection is closed unanswered. */
    public Faults dropAfterActing(int requests) {
        api.dropAfterActing(requests);
        return this;
    }

    /** Every access token issued so far expires now; tokens issued later are valid as usual. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** The faults not used up yet, in the order they hit. */
    public List<PendingFault> pending() {
        return rules.stream().filter(rule -> !rule.exhausted()).map(FaultRule::describe).toList();
    }

    /** How many requests a fault has hit so far. */
    public long injectedCount() {
        return injected.get();
    }

    /** Removes every pending fault. */
    public void clear() {
        rules.clear();
    }

    void add(FaultRule rule) {
        rules.add(rule);
        LOG.info("Fault added: {}", rule.describe());
    }

    /** The fault that hits this request, used up by one; null when none does. */
    FaultRule take(String method, String path) {
        for (FaultRule rule : rules) {
            if (rule.matches(method, path) && rule.consume()) {
                if (rule.exhausted()) {
                    rules.remove(rule);
                }
                injected.incrementAndGet();
                return rule;
            }
        }
        return null;
    }
}
