package io.deploykit.examples.filedrop;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.error.DeployKitException;

/**
 * An instance without a cluster database works alone: its locks are in memory and its deploys' progress is its own,
 * so a second instance on the same inbox (a rolling update, two replicas) would deploy the same files. At start it
 * claims the inbox with a claim file ({@code .deploykit-claim} in the inbox, locally or on the FTP server) that it
 * rewrites every heartbeat, naming itself and counting its beats, and removes at stop.
 * <p>
 * Another instance that finds a claim watches it: a claim that changes within {@value #STALE_BEATS} heartbeats is
 * live and the start is refused, naming its holder; one unchanged that long, as seen by the newcomer, is stale (its
 * holder was killed) and is taken over with a WARN. Only changes are compared, never the time written in the file,
 * so the clocks of the two machines do not matter.
 */
final class InboxClaim implements Service {

    /** How many heartbeats a claim must stay unchanged, as seen by a newcomer, to be taken for stale. */
    static final int STALE_BEATS = 3;
    static final String FILE = ".deploykit-claim";

    private static final Logger LOG = LoggerFactory.getLogger(InboxClaim.class);

    /** Where the claim file is read and written. */
    interface Store {
        /** The claim file's content; null when there is none. */
        String read();

        /** Replaces the claim file's content, at once (readers see the old content or the new one). */
        void write(String content);

        void delete();

        String where();
    }

    private final Store store;
    private final Duration heartbeat;
    private final String owner;
    private ScheduledExecutorService beats;
    private long beat;
    private String written;

    InboxClaim(Store store, Duration heartbeat, String owner) {
        this.store = store;
        this.heartbeat = heartbeat;
        this.owner = owner;
    }

    /** Claims the inbox, or refuses the start while another live instance holds it. */
    void claim() {
        String found = store.read();
        if (found != null && !owner.equals(ownerOf(found))) {
            awaitStale(found);
            LOG.warn("Taking over the claim of {} from {}: unchanged for {} heartbeats of {} (its instance is gone)",
                    store.where(), ownerOf(found), STALE_BEATS, heartbeat);
        }
        renew();
        // two instances starting together may both have found no claim: the one whose claim survives a beat wins
        sleep(heartbeat);
        String now = store.read();
        if (now == null || !owner.equals(ownerOf(now))) {
            throw refused(now == null ? "an instance that started at the same time" : ownerOf(now));
        }
        beats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "deploykit-inbox-claim");
            thread.setDaemon(true); // a start that fails later must not be kept alive by it
            return thread;
        });
        beats.scheduleWithFixedDelay(this::beat, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Working alone on this inbox: claimed {} as {}, renewed every {}. To run several instances on one inbox,"
                 + " give each the same deploykit.example.cluster.jdbc-url (a shared PostgreSQL)", store.where(), owner,
                heartbeat);
    }

    /** Watches a claim found at start until it has stayed unchanged for {@value #STALE_BEATS} heartbeats. */
    private void awaitStale(String found) {
        LOG.info("{} is claimed by {}; watching whether it is alive ({} heartbeats of {})", store.where(),
                ownerOf(found), STALE_BEATS, heartbeat);
        long unchangedSince = System.nanoTime();
        String last = found;
        while (System.nanoTime() - unchangedSince < heartbeat.multipliedBy(STALE_BEATS).toNanos()) {
            sleep(heartbeat.dividedBy(2));
            String seen = store.read();
            if (seen == null) {
                return; // released meanwhile
            }
            if (!seen.equals(last)) {
                throw refused(ownerOf(seen));
            }
        }
    }

    private DeployKitException refused(String holder) {
        return new DeployKitException("The inbox " + store.where() + " is claimed by another running instance ("
                                      + holder + "), and this one has no cluster database: two instances alone on one"
                                      + " inbox would deploy the same files. Stop the other one, or run several"
                                      + " instances together by giving each the same deploykit.example.cluster.jdbc-url"
                                      + " (a shared PostgreSQL)");
    }

    private void beat() {
        try {
            String found = store.read();
            if (found != null && !owner.equals(ownerOf(found))) {
                LOG.error("{} was claimed by {} meanwhile (this instance's heartbeats stopped for {} heartbeats?): two"
                          + " instances may now deploy the same files; stop one of them, or give both the same"
                          + " deploykit.example.cluster.jdbc-url", store.where(), ownerOf(found), STALE_BEATS);
                return;
            }
            renew();
        } catch (RuntimeException e) {
            LOG.warn("Cannot renew the claim {} ({}); another instance takes it over after {} heartbeats without renewal",
                    store.where(), e.getMessage(), STALE_BEATS);
        }
    }

    private synchronized void renew() {
        beat++;
        written = "owner=" + owner + "\nbeat=" + beat + "\nwritten=" + Instant.now() + "\n";
        store.write(written);
    }

    @Override
    public void start() {
        // claimed at creation, before the routes start
    }

    /** With the Camel context, after its routes: the claim is held while deploys finish. */
    @Override
    public void stop() {
        close();
    }

    /** Stops the heartbeats and removes the claim, if it is still this instance's. */
    @Override
    public synchronized void close() {
        if (beats == null) {
            return;
        }
        beats.shutdownNow();
        beats = null;
        try {
            String found = store.read();
            if (found != null && owner.equals(ownerOf(found))) {
                store.delete();
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot remove the claim {} at stop ({}); the next instance takes it over after {} heartbeats",
                    store.where(), e.getMessage(), STALE_BEATS);
        }
    }

    static String ownerOf(String claim) {
        Properties fields = new Properties();
        try {
            fields.load(new java.io.StringReader(claim));
        } catch (java.io.IOException | IllegalArgumentException unreadable) {
            return "an unreadable claim";
        }
        return fields.getProperty("owner", "an unnamed instance");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployKitException("Interrupted while claiming the inbox", e);
        }
    }
}
