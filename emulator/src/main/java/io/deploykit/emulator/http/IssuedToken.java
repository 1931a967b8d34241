package io.deploykit.emulator.http;

import java.time.Instant;

/** An access token the emulator issued. */
public record IssuedToken(String value, String clientId, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
