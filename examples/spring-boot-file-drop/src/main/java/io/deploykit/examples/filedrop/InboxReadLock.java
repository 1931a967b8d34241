package io.deploykit.examples.filedrop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read lock of one inbox folder, local or on FTP. A file is taken:
 * <ol>
 *   <li>once it has been seen unchanged, its size and modification time in the folder's listings, for
 *       {@code stableFor}: a file still being written or uploaded is left alone, whatever the precision of the
 *       server's clock (FTP listings give minutes);</li>
 *   <li>by one instance only: its lock is an entry of an {@link IdempotentRepository}, kept in a database shared by
 *       the instances ({@link JdbcInboxLocks}, whose entries of a dead instance are taken over once they have not
 *       been renewed for a while, by the database's clock), or in memory for an instance alone;</li>
 *   <li>if it is still there once locked: another instance may have finished it meanwhile;</li>
 *   <li>in its turn, for RapidStart packages: after the older files of its package code, and while no other file of
 *       that code is being deployed ({@link PackageTurns}).</li>
 * </ol>
 * Unlike Camel's idempotent read lock, a lock this instance did not get is never released by it: an abort after
 * a refused lock must not delete the lock another instance holds.
 */
final class InboxReadLock<T> implements GenericFileExclusiveReadLockStrategy<T> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxReadLock.class);
    /** The exchange property naming the lock this instance holds for the exchange's file. */
    private static final String HELD = "DeployKitInboxLock";
    /** The exchange property naming the lock of the package code this instance holds for the exchange's file. */
    private static final String HELD_TURN = "DeployKitPackageTurn";

    private final IdempotentRepository locks;
    private final String folder;
    private final Duration stableFor;
    private final Clock clock;
    private final StateOutage stateOutage;
    private final PackageTurns turns;
    private final Map<String, Sighting> sightings = new ConcurrentHashMap<>();
    /** The files said (once, at INFO) to wait for their turn. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    /** A file as last listed, and since when it has looked like this. */
    private record Sighting(long length, long modified, Instant since, Instant lastSeen) {

        boolean sameAs(GenericFile<?> file) {
            return length == file.getFileLength() && modified == file.getLastModified();
        }
    }

    /** {@code turns}: files of one package code in turn, oldest first (see {@link PackageTurns}); null for none. */
    InboxReadLock(IdempotentRepository locks, String folder, Duration stableFor, Clock clock, StateOutage stateOutage,
                  PackageTurns turns) {
        this.locks = locks;
        this.folder = folder;
        this.stableFor = stableFor;
        this.clock = clock;
        this.stateOutage = stateOutage;
        this.turns = turns;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint) {
        // nothing to clean up: locks live in the repository, not beside the files
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<T> operations, GenericFile<T> file, Exchange exchange) {
        String name = file.getRelativeFilePath();
        Instant now = clock.instant();
        Sighting seen = sightings.compute(name, (key, last) -> last != null && last.sameAs(file)
                ? new Sighting(last.length(), last.modified(), last.since(), now)
                : new Sighting(file.getFileLength(), file.getLastModified(), now, now));
        forgetFilesGone(now);
        if (file.getFileLength() < 1 || Duration.between(seen.since(), now).compareTo(stableFor) < 0) {
            LOG.trace("{}/{} has not been unchanged for {} yet", folder, name, stableFor);
            return false;
        }
        PackageTurns.Turn turn = turns == null ? new PackageTurns.Turn(null, null, null) : turns.turnOf(operations, file);
        if (turn.waitsFor() != null) {
            logWaiting(name, "waits for the older " + turn.waitsFor() + " of package " + turn.code()
                             + " to be deployed first");
            return false;
        }
        String key = folder + "/" + name;
        boolean locked;
        try {
            locked = locks.add(exchange, key);
        } catch (RuntimeException e) {
            stateOutage.failed(e); // the database is down: one WARN for the outage, and the inbox waits
            return false;
        }
        if (!locked) {
            LOG.debug("{} is being deployed by another instance", key);
            return false;
        }
        boolean stillThere;
        try {
            stillThere = operations.existsFile(file.getAbsoluteFilePath());
        } catch (RuntimeException e) {
            stillThere = false;
        }
        if (!stillThere) {
            LOG.debug("{} is gone: another instance finished it", key);
            release(exchange, key);
            return false;
        }
        exchange.setProperty(HELD, key);
        if (turn.lock() != null && !takeTurn(exchange, name, turn)) {
            releaseHeld(exchange);
            return false;
        }
        sightings.remove(name);
        waiting.remove(name);
        return true;
    }

    /** Takes the lock of the file's package code, held until the file's outcome. */
    private boolean takeTurn(Exchange exchange, String name, PackageTurns.Turn turn) {
        boolean taken;
        try {
            taken = locks.add(exchange, turn.lock());
        } catch (RuntimeException e) {
            stateOutage.failed(e); // as for the file's own lock: one WARN for the outage
            return false;
        }
        if (!taken) {
            logWaiting(name, "waits: another file of package " + turn.code() + " is being deployed");
            return false;
        }
        exchange.setProperty(HELD_TURN, turn.lock());
        return true;
    }

    /** Once per file at INFO (a file waiting for its turn is no error), then at DEBUG at each poll. */
    private void logWaiting(String name, String why) {
        if (waiting.add(name)) {
            LOG.info("{}/{} {}; it stays in the inbox", folder, name, why);
        } else {
            LOG.debug("{}/{} {}", folder, name, why);
        }
    }

    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations<T> operations, GenericFile<T> file, Exchange exchange) {
        releaseHeld(exchange);
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations<T> operations, GenericFile<T> file,
                                                   Exchange exchange) {
        releaseHeld(exchange);
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<T> operations, GenericFile<T> file,
                                                 Exchange exchange) {
        releaseHeld(exchange);
    }

    private void releaseHeld(Exchange exchange) {
        String turn = exchange.getProperty(HELD_TURN, String.class);
        if (turn != null) {
            exchange.removeProperty(HELD_TURN);
            release(exchange, turn);
        }
        String key = exchange.getProperty(HELD, String.class);
        if (key != null) {
            exchange.removeProperty(HELD);
            release(exchange, key);
        }
    }

    private void release(Exchange exchange, String key) {
        try {
            locks.remove(exchange, key);
        } catch (RuntimeException e) {
            // released once the database answers again, so the file is taken again without waiting for a takeover
            LOG.debug("Cannot release the lock of {} now: {}", key, e.getMessage());
            stateOutage.failed(e);
            stateOutage.afterOutage(() -> locks.remove(exchange, key));
        }
    }

    /** Sightings of files not listed for a while (moved by another instance, deleted) are forgotten. */
    private void forgetFilesGone(Instant now) {
        Instant before = now.minus(stableFor.multipliedBy(10).plusMinutes(1));
        sightings.values().removeIf(sighting -> sighting.lastSeen().isBefore(before));
        waiting.retainAll(sightings.keySet());
    }

    // the options of Camel's own read locks do not apply

    @Override
    public void setTimeout(long timeout) {
    }

    @Override
    public void setCheckInterval(long checkInterval) {
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel readLockLoggingLevel) {
    }

    @Override
    public void setMarkerFiler(boolean markerFile) {
    }

    @Override
    public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
    }
}
