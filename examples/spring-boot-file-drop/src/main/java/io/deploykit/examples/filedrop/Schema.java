package io.deploykit.examples.filedrop;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The lock table of the shared database, made at start when missing: the columns Camel's JDBC idempotent
 * repositories use, with room for long file names (Camel's own table allows 100 characters).
 */
final class Schema {

    private Schema() {
    }

    static void createLockTable(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (exists(connection, table)) {
                return;
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE " + table + " (processorName VARCHAR(255) NOT NULL,"
                               + " messageId VARCHAR(1024) NOT NULL, createdAt TIMESTAMP NOT NULL,"
                               + " PRIMARY KEY (processorName, messageId))");
            } catch (SQLException e) {
                if (!exists(connection, table)) { // else another instance made it meanwhile
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the lock table " + table + " in the cluster database: "
                                            + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (Statement probe = connection.createStatement()) {
            probe.execute("SELECT 1 FROM " + table + " WHERE 1 = 0");
            return true;
        } catch (SQLException missing) {
            return false;
        }
    }
}
