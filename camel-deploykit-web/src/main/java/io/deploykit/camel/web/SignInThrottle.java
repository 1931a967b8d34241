package io.deploykit.camel.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Guesses at a page user's password are cut short: after {@value #MAX_FAILURES} failed sign-ins in a row, the user
 * cannot sign in for {@link #LOCK} (the right password is refused too), and the lock is audited. Only the configured
 * users are counted, so names made up by a guesser cost no memory. Counted per instance.
 */
final class SignInThrottle implements AuthenticationProvider {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private record Failures(int count, Instant lockedUntil) {
    }

    private final AuthenticationProvider users;
    private final Set<String> known;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(AuthenticationProvider users, Set<String> known, AuditLog audit, Clock clock) {
        this.users = users;
        this.known = Set.copyOf(known);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        Failures before = failures.get(name);
        if (before != null && before.lockedUntil() != null && clock.instant().isBefore(before.lockedUntil())) {
            audit.record(name, "sign-in", "the deployments page", "refused: locked until " + before.lockedUntil());
            throw new LockedException("Too many failed sign-ins: try again later");
        }
        try {
            Authentication signedIn = users.authenticate(attempt);
            failures.remove(name);
            return signedIn;
        } catch (AuthenticationException wrong) {
            if (known.contains(name)) {
                Failures now = failures.compute(name, (user, last) -> {
                    int count = (last == null || last.lockedUntil() != null ? 0 : last.count()) + 1;
                    return new Failures(count, count >= MAX_FAILURES ? clock.instant().plus(LOCK) : null);
                });
                if (now.lockedUntil() != null) {
                    audit.record(name, "sign-in", "the deployments page", "locked until " + now.lockedUntil() + " after "
                                                                         + MAX_FAILURES + " failed sign-ins");
                }
            }
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return users.supports(authentication);
    }
}
