package io.deploykit.camel.core.observe;

import java.time.Duration;
import java.time.Instant;

import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.body.UploadObserver;
import io.deploykit.camel.core.journal.DeployJournal;

/**
 * One exchange's operation while it is under way. Named a deploy by {@link #deploys(UploadBody, DeployJournal.Entry, long)}
 * when it sends a file; then consoles show its step and the progress of its upload.
 */
public final class RunningOperation {

    /** Records nothing: for an operation started outside a producer. */
    public static final RunningOperation NONE = new RunningOperation(null, "", "", "");

    private final DeployKitStatistics statistics;
    private final String exchangeId;
    private final String endpoint;
    private final String operation;
    private final long startedNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();
    private volatile String what;
    private volatile String step;
    private volatile UploadProgress upload;

    RunningOperation(DeployKitStatistics statistics, String exchangeId, String endpoint, String operation) {
        this.statistics = statistics;
        this.exchangeId = exchangeId;
        this.endpoint = endpoint;
        this.operation = operation;
    }

    /**
     * Makes this operation the deploy of {@code file}: its upload is counted (and its progress logged when it has at
     * least {@code progressThreshold} bytes), and its steps are followed as {@code steps} records them (null when it
     * records none).
     */
    public void deploys(UploadBody file, DeployJournal.Entry steps, long progressThreshold) {
        if (statistics == null) {
            return;
        }
        what = file.fileName();
        UploadProgress progress = new UploadProgress(file.fileName(), file.length(), progressThreshold, statistics);
        upload = progress;
        file.observe(new ProgressAndStep(progress));
        if (steps != null) {
            steps.onStep(step -> this.step = step);
        }
    }

    /** Whether this operation deploys a file. */
    public boolean isDeploy() {
        return what != null;
    }

    public String exchangeId() {
        return exchangeId;
    }

    public String endpoint() {
        return endpoint;
    }

    public String operation() {
        return operation;
    }

    /** What is deployed (the file's name), or null for an operation that deploys nothing. */
    public String what() {
        return what;
    }

    /** The step the deploy reached, or null before its first. */
    public String step() {
        return step;
    }

    /** The upload's progress, or null when nothing is uploaded. */
    public UploadProgress upload() {
        return upload;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Ends the operation with the failure it completed with, or null. */
    public void end(Throwable failure) {
        if (statistics != null) {
            statistics.completed(this, failure);
        }
    }

    /** Counts the bytes, and shows the step as {@code uploading} while a deploy that records no steps uploads. */
    private final class ProgressAndStep implements UploadObserver {
        private final UploadProgress progress;

        ProgressAndStep(UploadProgress progress) {
            this.progress = progress;
        }

        @Override
        public void attemptStarted() {
            if (step == null) {
                step = "uploading";
            }
            progress.attemptStarted();
        }

        @Override
        public void sent(long bytes) {
            progress.sent(bytes);
        }
    }
}
