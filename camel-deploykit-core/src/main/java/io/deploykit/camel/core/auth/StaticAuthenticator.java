package io.deploykit.camel.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import io.deploykit.camel.core.http.HttpTransport;

/** A header that never changes: a token obtained elsewhere, or Basic credentials (on-premises). */
public final class StaticAuthenticator implements Authenticator {

    private final CompletableFuture<String> value;

    private StaticAuthenticator(String value) {
        this.value = CompletableFuture.completedFuture(value);
    }

    public static StaticAuthenticator bearer(String accessToken) {
        return new StaticAuthenticator("Bearer " + accessToken);
    }

    public static StaticAuthenticator basic(String username, String password) {
        String pair = username + ':' + password;
        return new StaticAuthenticator("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public CompletableFuture<String> authorization(HttpTransport transport) {
        return value;
    }

    @Override
    public boolean invalidate(String rejected) {
        return false; // nothing else to offer: the 401 reaches the route
    }

    @Override
    public String toString() {
        return "StaticAuthenticator[credentials hidden]";
    }
}
