package io.deploykit.camel.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

import io.deploykit.camel.core.error.DeployKitException;

/**
 * A {@link StateRepository} in a database table, for instances that share their deploys' progress (PostgreSQL, or
 * any database with a JDBC driver). Each {@link #setState} is one committed statement, so whatever an instance
 * recorded is seen by the next one at once. The table is created at start when missing:
 * {@code (state_key VARCHAR(255) PRIMARY KEY, state_value VARCHAR(4000), updated_at TIMESTAMP)}.
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String>, JournalRecords {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String table;

    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, "DEPLOYKIT_STATE");
    }

    public JdbcStateRepository(DataSource dataSource, String table) {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.dataSource = dataSource;
        this.table = table;
    }

    @Override
    protected void doStart() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection)) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE " + table + " (state_key VARCHAR(255) PRIMARY KEY,"
                                   + " state_value VARCHAR(4000) NOT NULL, updated_at TIMESTAMP NOT NULL)");
                    // the latest records (a page polls them) and the purge of old ones read by this column
                    create.execute("CREATE INDEX " + table + "_UPDATED ON " + table + " (updated_at)");
                } catch (SQLException e) {
                    if (!exists(connection)) { // else another instance created it meanwhile
                        throw e;
                    }
                }
            }
        }
    }

    private boolean exists(Connection connection) throws SQLException {
        try (Statement probe = connection.createStatement()) {
            probe.execute("SELECT 1 FROM " + table + " WHERE 1 = 0");
            return true;
        } catch (SQLException missing) {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // PostgreSQL refuses anything more in a transaction that failed
            }
            return false;
        }
    }

    @Override
    public void setState(String key, String value) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (update(connection, key, value, now) == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table + " (state_key, state_value, updated_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, key);
                    insert.setString(2, value);
                    insert.setTimestamp(3, now);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    // inserted by another writer between our update and insert: ours is the later value
                    if (!isDuplicateKey(e) || update(connection, key, value, now) == 0) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new DeployKitException("Cannot write the state " + key + " into table " + table + ": " + e.getMessage(), e);
        }
    }

    private int update(Connection connection, String key, String value, Timestamp now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET state_value = ?, updated_at = ? WHERE state_key = ?")) {
            update.setString(1, value);
            update.setTimestamp(2, now);
            update.setString(3, key);
            return update.executeUpdate();
        }
    }

    @Override
    public String getState(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT state_value FROM " + table + " WHERE state_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new DeployKitException("Cannot read the state " + key + " from table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<JournalRecord> latest(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT state_value FROM " + table
                                                                    + " ORDER BY updated_at DESC")) {
            select.setMaxRows(limit);
            List<JournalRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    JournalRecord.parse(rows.getString(1)).ifPresent(records::add);
                }
            }
            return records;
        } catch (SQLException e) {
            throw new DeployKitException("Cannot list the states of table " + table + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the states last written before {@code age} ago; returns how many. */
    public int purgeOlderThan(Duration age) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE updated_at < ?")) {
            connection.setAutoCommit(true);
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(age)));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new DeployKitException("Cannot purge old states from table " + table + ": " + e.getMessage(), e);
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
