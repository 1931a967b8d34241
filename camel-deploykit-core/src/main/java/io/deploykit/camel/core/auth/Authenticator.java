package io.deploykit.camel.core.auth;

import java.util.concurrent.CompletableFuture;

import io.deploykit.camel.core.http.HttpTransport;

/** Supplies the {@code Authorization} header of each request. */
public interface Authenticator {

    /** No header: for token endpoints and for tests of unauthenticated calls. */
    Authenticator NONE = new Authenticator() {
        @Override
        public CompletableFuture<String> authorization(HttpTransport transport) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean invalidate(String rejected) {
            return false;
        }
    };

    /**
     * The header value to send now. May fetch a token first, over the given transport (the caller's, so the
     * caller's proxy and TLS settings apply).
     */
    CompletableFuture<String> authorization(HttpTransport transport);

    /**
     * The service answered 401 to a request that carried {@code rejected}. Returns true when a new value can be
     * had (the cached token is dropped), so the request is worth sending once more.
     */
    boolean invalidate(String rejected);
}
