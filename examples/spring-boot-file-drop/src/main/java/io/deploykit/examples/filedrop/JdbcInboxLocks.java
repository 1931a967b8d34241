package io.deploykit.examples.filedrop;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The locks of the files being deployed, in a table of the shared PostgreSQL (see {@link Schema#createLockTable}).
 * Each lock row names its owner (this instance) and its last heartbeat, written and compared with the database's
 * clock ({@code now()}, a {@code TIMESTAMPTZ}): the instances' own clocks and time zones never enter, so an
 * instance whose clock runs ahead or whose zone differs sees another's live locks as live. A lock is taken over only
 * once its heartbeat is older than {@code takeoverAfter}, and an instance deletes or renews only the rows it still
 * owns: a lock that was taken over from it is never released by it.
 * <p>
 * A database outage stops every instance's heartbeats at once, so when it ends every lock looks stale. An instance
 * that saw the database fail judges no other instance's lock stale until its own calls have worked again for
 * {@code takeoverAfter}: by then every live instance has renewed its locks (it beats every {@code heartbeat}), and
 * only the locks of instances that are really gone are old.
 */
final class JdbcInboxLocks extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcInboxLocks.class);

    private final DataSource dataSource;
    private final String table;
    private final String group;
    private final Duration heartbeat;
    private final Duration takeoverAfter;
    private final CamelContext camel;
    private final String owner = ownerName();
    private ScheduledExecutorService heartbeats;
    /** When the database last answered again after failing (System.nanoTime); empty while it never failed. */
    private final AtomicReference<Long> healthySince = new AtomicReference<>();
    private volatile boolean failing;

    JdbcInboxLocks(DataSource dataSource, String table, String group, Duration heartbeat, Duration takeoverAfter,
                   CamelContext camel) {
        this.dataSource = dataSource;
        this.table = table;
        this.group = group;
        this.heartbeat = heartbeat;
        this.takeoverAfter = takeoverAfter;
        this.camel = camel;
    }

    /** Host, process and a random part: unique per start, readable in the table and the logs. */
    static String ownerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException unknown) {
            host = "unknown-host";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
               + UUID.randomUUID().toString().substring(0, 8);
    }

    String owner() {
        return owner;
    }

    @Override
    protected void doStart() {
        heartbeats = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "deploykit-lock-heartbeat");
        heartbeats.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (heartbeats != null) {
            camel.getExecutorServiceManager().shutdownNow(heartbeats);
            heartbeats = null;
        }
        try {
            clear(); // what is still held at stop is released: the files stay in the inbox for the others
        } catch (RuntimeException e) {
            LOG.warn("Cannot release the locks of {} at stop ({}); they are taken over after {}", owner, e.getMessage(),
                    takeoverAfter);
        }
    }

    /**
     * Renews every lock this instance still owns, by the database's clock, and removes the locks not renewed for
     * {@code takeoverAfter}: their instances are gone (killed after their files moved), and removing such a lock is
     * what taking it over and releasing it would do.
     */
    void beat() {
        try {
            update("UPDATE " + table + " SET heartbeat = now() WHERE processorName = ? AND owner = ?", group, owner);
            answered();
            if (!judgesStaleness()) {
                return;
            }
            takeOverStale();
        } catch (RuntimeException e) {
            failed();
            LOG.warn("Cannot renew the locks of {} ({}); they are taken over by another instance after {} without renewal",
                    owner, e.getMessage(), takeoverAfter);
        }
    }

    /** Removes the locks of other instances not renewed for takeoverAfter, naming each file and its gone holder. */
    private void takeOverStale() {
        String sql = "DELETE FROM " + table + " WHERE processorName = ? AND owner <> ?"
                     + " AND heartbeat < now() - ? * INTERVAL '1 millisecond' RETURNING messageId, owner";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            delete.setString(1, group);
            delete.setString(2, owner);
            delete.setDouble(3, takeoverAfter.toMillis());
            try (ResultSet gone = delete.executeQuery()) {
                while (gone.next()) {
                    logTakeover(gone.getString(1), gone.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot remove the stale locks in " + table + ": " + e.getMessage(), e);
        }
    }

    private void logTakeover(String key, String previous) {
        LOG.warn("Taking over the lock of {} from {}: not renewed for {} (by the database's clock)", key, previous,
                takeoverAfter);
    }

    /** Takes the lock: free, or held by an instance that has not renewed it for {@code takeoverAfter}. */
    @Override
    public boolean add(String key) {
        String sql = "WITH previous AS (SELECT owner FROM " + table + " WHERE processorName = ? AND messageId = ?)"
                     + " INSERT INTO " + table + " AS lock (processorName, messageId, owner, heartbeat)"
                     + " VALUES (?, ?, ?, now())"
                     + " ON CONFLICT (processorName, messageId) DO UPDATE SET owner = EXCLUDED.owner, heartbeat = now()"
                     + " WHERE ? AND lock.heartbeat < now() - ? * INTERVAL '1 millisecond'"
                     + " RETURNING (SELECT owner FROM previous)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            insert.setString(1, group);
            insert.setString(2, key);
            insert.setString(3, group);
            insert.setString(4, key);
            insert.setString(5, owner);
            insert.setBoolean(6, judgesStaleness());
            insert.setDouble(7, takeoverAfter.toMillis());
            try (ResultSet taken = insert.executeQuery()) {
                answered();
                if (!taken.next()) {
                    return false; // held, and renewed within takeoverAfter
                }
                String previous = taken.getString(1);
                if (previous != null) {
                    logTakeover(key, previous);
                }
                return true;
            }
        } catch (SQLException e) {
            failed();
            throw new IllegalStateException("Cannot take the lock of " + key + " in " + table + ": " + e.getMessage(), e);
        }
    }

    /** Whether this instance may call a lock stale: the database has answered for takeoverAfter since it last failed. */
    boolean judgesStaleness() {
        Long since = healthySince.get();
        return !failing && (since == null || System.nanoTime() - since >= takeoverAfter.toNanos());
    }

    private void answered() {
        if (failing) {
            failing = false;
            healthySince.set(System.nanoTime());
            LOG.info("The database answers again: no lock of another instance is taken over for {} (their heartbeats"
                     + " stopped with the outage too)", takeoverAfter);
        }
    }

    private void failed() {
        failing = true;
    }

    @Override
    public boolean contains(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM " + table
                     + " WHERE processorName = ? AND messageId = ?"
                     + " AND (NOT ? OR heartbeat >= now() - ? * INTERVAL '1 millisecond')")) {
            query.setString(1, group);
            query.setString(2, key);
            query.setBoolean(3, judgesStaleness());
            query.setDouble(4, takeoverAfter.toMillis());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the lock of " + key + " in " + table + ": " + e.getMessage(), e);
        }
    }

    /** Releases the lock if this instance still owns it; one taken over meanwhile stays with its new owner. */
    @Override
    public boolean remove(String key) {
        int deleted = update("DELETE FROM " + table + " WHERE processorName = ? AND messageId = ? AND owner = ?",
                group, key, owner);
        if (deleted == 0) {
            LOG.warn("The lock of {} was no longer held by {} when released: another instance took it over", key, owner);
        }
        return deleted > 0;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Releases every lock this instance owns. */
    @Override
    public void clear() {
        update("DELETE FROM " + table + " WHERE processorName = ? AND owner = ?", group, owner);
    }

    private int update(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the locks in " + table + ": " + e.getMessage(), e);
        }
    }
}
