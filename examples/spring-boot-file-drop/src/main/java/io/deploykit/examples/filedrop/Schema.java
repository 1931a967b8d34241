package io.deploykit.examples.filedrop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * The lock table of the shared database (see {@link JdbcInboxLocks}), made at start when missing: each lock with its
 * owner and its last heartbeat, a {@code TIMESTAMPTZ} written by the database's clock. The table of earlier versions
 * (Camel's columns, with a {@code createdAt} written by each instance's own clock) is converted when it holds no lock;
 * while it holds some, instances of the earlier version are deploying and the start is refused.
 */
final class Schema {

    private Schema() {
    }

    static void createLockTable(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (hasCurrentShape(connection, table)) {
                return;
            }
            if (exists(connection, table)) {
                convertEarlierShape(connection, table);
                return;
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE " + table + " (processorName VARCHAR(255) NOT NULL,"
                               + " messageId VARCHAR(1024) NOT NULL, owner VARCHAR(255) NOT NULL,"
                               + " heartbeat TIMESTAMPTZ NOT NULL, PRIMARY KEY (processorName, messageId))");
            } catch (SQLException e) {
                if (!hasCurrentShape(connection, table)) { // else another instance made it meanwhile
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the lock table " + table + " in the cluster database: "
                                            + e.getMessage(), e);
        }
    }

    /**
     * An empty table of an earlier version gets the owner and heartbeat columns and loses createdAt (an instance of
     * the earlier version still running can then take no file: it fails to lock and leaves the files to the others).
     */
    private static void convertEarlierShape(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
                if (!hasCurrentShape(connection, table)) {
                    long held;
                    try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        count.next();
                        held = count.getLong(1);
                    }
                    if (held > 0) {
                        throw new IllegalStateException("The lock table " + table + " has the shape of an earlier version"
                                + " (createdAt, written by each instance's own clock) and holds " + held + " locks:"
                                + " instances of that version are deploying. Stop them (or let them finish) and start"
                                + " again; the table is then converted");
                    }
                    statement.execute("ALTER TABLE " + table + " ADD COLUMN owner VARCHAR(255) NOT NULL,"
                                      + " ADD COLUMN heartbeat TIMESTAMPTZ NOT NULL, DROP COLUMN createdAt");
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Read from the catalogue, so that a transaction under way is not aborted by a failing probe. */
    private static boolean hasCurrentShape(Connection connection, String table) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, null, table.toLowerCase(Locale.ROOT),
                "heartbeat")) {
            return columns.next();
        }
    }

    private static boolean exists(Connection connection, String table) {
        return probe(connection, "SELECT 1 FROM " + table + " WHERE 1 = 0");
    }

    private static boolean probe(Connection connection, String sql) {
        try (Statement probe = connection.createStatement()) {
            probe.execute(sql);
            return true;
        } catch (SQLException missing) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // PostgreSQL refuses anything more in a transaction that failed
                }
            } catch (SQLException ignored) {
                // the caller's next statement reports the connection's state
            }
            return false;
        }
    }
}
