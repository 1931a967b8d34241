package io.deploykit.camel.core.observe;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.body.UploadObserver;

/**
 * How far one upload has gone: bytes sent, rate and time left. An upload of at least the endpoint's
 * {@code uploadProgressThreshold} logs a line every tenth of its size or every {@value #LOG_EVERY_SECONDS} seconds,
 * whichever comes first; smaller ones only count. A retry starts the count again.
 * <p>
 * Fed by one HTTP I/O thread at a time (attempts of one request never overlap), read by consoles at any time.
 */
public final class UploadProgress implements UploadObserver {

    static final long LOG_EVERY_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(UploadProgress.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS);

    private final String what;
    private final long total;
    private final boolean logged;
    private final DeployKitStatistics statistics;
    private final AtomicLong sent = new AtomicLong();
    private volatile long attemptStartedAt;
    private volatile int attempts;
    // only the I/O thread of the current attempt touches these
    private long lastLogAt;
    private long nextTenth;

    /**
     * @param what      names the upload in the log, such as the file's name
     * @param total     the body's size in bytes
     * @param threshold the size from which progress is logged
     */
    public UploadProgress(String what, long total, long threshold, DeployKitStatistics statistics) {
        this.what = what;
        this.total = total;
        this.logged = total > 0 && total >= threshold;
        this.statistics = statistics;
    }

    @Override
    public void attemptStarted() {
        int attempt = ++attempts;
        sent.set(0);
        attemptStartedAt = System.nanoTime();
        lastLogAt = attemptStartedAt;
        nextTenth = 1;
        if (logged) {
            LOG.info("Uploading {} ({}){}", what, Units.bytes(total), attempt > 1 ? ", again from its start (attempt " + attempt + ")" : "");
        }
    }

    @Override
    public void sent(long bytes) {
        long now = sent.addAndGet(bytes);
        statistics.uploaded(bytes);
        if (!logged) {
            return;
        }
        long at = System.nanoTime();
        long tenth = now * 10 / total;
        if (tenth >= nextTenth || at - lastLogAt >= LOG_EVERY_NANOS) {
            nextTenth = tenth + 1;
            lastLogAt = at;
            LOG.info("Uploading {}: {}", what, describe());
        }
    }

    /** Bytes sent by the current attempt. */
    public long sent() {
        return sent.get();
    }

    public long total() {
        return total;
    }

    /** Attempts started so far (1 unless a retry sent the body again). */
    public int attempts() {
        return attempts;
    }

    public int percent() {
        return total <= 0 ? 100 : (int) (sent.get() * 100 / total);
    }

    /** Bytes per second since the current attempt started; 0 before the first byte. */
    public double bytesPerSecond() {
        long started = attemptStartedAt;
        long elapsed = System.nanoTime() - started;
        return started == 0 || elapsed <= 0 ? 0 : sent.get() * 1e9 / elapsed;
    }

    /** The time left at the current rate; null while there is no rate yet. */
    public Duration timeLeft() {
        double rate = bytesPerSecond();
        return rate <= 0 ? null : Duration.ofMillis((long) ((total - sent.get()) * 1000 / rate));
    }

    /** {@code 20.0 MiB of 200.0 MiB (10%), 35.2 MiB/s, about 5 s left}. */
    public String describe() {
        Duration left = timeLeft();
        return Units.bytes(sent.get()) + " of " + Units.bytes(total) + " (" + percent() + "%), "
               + Units.bytes(bytesPerSecond()) + "/s" + (left == null ? "" : ", about " + Units.duration(left) + " left");
    }
}
