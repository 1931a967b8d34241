package io.deploykit.emulator.http;

import java.io.IOException;

/** A request body longer than the emulator accepts; reading stopped at the limit. */
final class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
