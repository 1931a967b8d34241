package io.deploykit.camel.core.body;

/**
 * Told how an upload's body goes onto the wire, by the request body that streams it. Called on an HTTP I/O thread,
 * once per chunk: it must be cheap and never block.
 */
public interface UploadObserver {

    /** Observes nothing. */
    UploadObserver NONE = new UploadObserver() {
        @Override
        public void attemptStarted() {
        }

        @Override
        public void sent(long bytes) {
        }
    };

    /** The body is sent from its first byte: the first attempt, or again for a retry. */
    void attemptStarted();

    /** More bytes of the body were written to the connection. */
    void sent(long bytes);
}
