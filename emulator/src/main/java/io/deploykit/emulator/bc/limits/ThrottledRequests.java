package io.deploykit.emulator.bc.limits;

/**
 * How many API requests the operational limits ({@link BcLimits}) refused since the emulator started.
 *
 * @param queueFull      answered 429 because as many of the user's requests were processed or queued as allowed
 * @param windowExceeded answered 429 with Retry-After because the user's sliding window was full
 * @param queueTimedOut  answered 503 because they waited for a slot longer than the operation timeout
 */
public record ThrottledRequests(long queueFull, long windowExceeded, long queueTimedOut) {

    /** Every request refused, whatever the limit. */
    public long total() {
        return queueFull + windowExceeded + queueTimedOut;
    }
}
