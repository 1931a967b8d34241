package io.deploykit.camel.core.support;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;

import io.deploykit.camel.core.error.AmbiguousOutcomeException;

/**
 * Sends a request that must not take effect twice: a create, an action that starts a job or releases a package.
 * When it gets no clear answer ({@link AmbiguousOutcomeException}: a 502 or 504, a connection broken after
 * sending), the server's state is read to find out whether it took effect, and the request is sent again only if it
 * plainly did not. Each decision is logged.
 */
public final class OnceOnly {

    /** Sends after unclear answers; a service that answers unclearly this often is failing, not blinking. */
    static final int MAX_SENDS = 3;

    private OnceOnly() {
    }

    /**
     * @param what   the request in words for the log, such as {@code "The create of configuration package P"}
     * @param send   sends the request; completes with what it gives
     * @param effect reads the server's state after an unclear answer: what the request would have given when it took
     *               effect, empty when it did not
     */
    public static <T> CompletableFuture<T> send(String what, Supplier<CompletableFuture<T>> send,
                                              Supplier<CompletableFuture<Optional<T>>> effect, Logger log) {
        return send(what, send, effect, log, 1);
    }

    private static <T> CompletableFuture<T> send(String what, Supplier<CompletableFuture<T>> send,
                                               Supplier<CompletableFuture<Optional<T>>> effect, Logger log, int sent) {
        return send.get().exceptionallyCompose(failure -> {
            if (!(Failures.unwrap(failure) instanceof AmbiguousOutcomeException ambiguous) || sent >= MAX_SENDS) {
                return CompletableFuture.failedFuture(failure);
            }
            log.warn("{} got no clear answer ({}); reading the server's state before anything else", what,
                    ambiguous.getMessage());
            return effect.get().thenCompose(found -> {
                if (found.isPresent()) {
                    log.info("{} had taken effect before the answer was lost: continuing with it", what);
                    return CompletableFuture.completedFuture(found.get());
                }
                log.info("{} did not take effect: sending it again", what);
                return send(what, send, effect, log, sent + 1);
            });
        });
    }
}
