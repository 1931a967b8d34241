package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lock rows on a real PostgreSQL: taken over only once stale by the database's clock, never released or renewed
 * by the instance they were taken from; the table of earlier versions converted when empty, refused when in use.
 * Staleness is made by moving a heartbeat back in the table, not by waiting.
 */
class JdbcInboxLocksTest {

    private static final Duration TAKEOVER = Duration.ofSeconds(30);
    static EmbeddedPostgres postgres;
    static DataSource database;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static JdbcInboxLocks locks(String table) {
        return new JdbcInboxLocks(database, table, "group", Duration.ofSeconds(5), TAKEOVER, null);
    }

    /**
     * A database outage stops every heartbeat: when it ends, every lock looks stale. An instance that saw the outage
     * takes over nothing until the database has answered it for takeover-after, long enough for live owners to renew.
     */
    @Test
    void afterADatabaseOutageNoLockIsTakenOverBeforeItsOwnerCouldRenewIt() throws Exception {
        Schema.createLockTable(database, "LOCKS_OUTAGE");
        boolean[] down = new boolean[1];
        DataSource flaky = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (down[0] && method.getName().equals("getConnection")) {
                        throw new java.sql.SQLException("Connection refused (the test's outage)");
                    }
                    try {
                        return method.invoke(database, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        JdbcInboxLocks owner = locks("LOCKS_OUTAGE");
        JdbcInboxLocks other = new JdbcInboxLocks(flaky, "LOCKS_OUTAGE", "group", Duration.ofMillis(100),
                Duration.ofSeconds(1), null);
        assertTrue(owner.add("rapidstart/live.rapidstart"));

        down[0] = true;
        other.beat(); // fails: the other instance sees the outage
        execute("UPDATE LOCKS_OUTAGE SET heartbeat = now() - INTERVAL '40 seconds'"); // no renewal during it
        down[0] = false;
        other.beat();

        assertFalse(other.add("rapidstart/live.rapidstart"), "just after the outage: not taken over");
        assertTrue(other.contains("rapidstart/live.rapidstart"), "and seen as held");
        assertEquals(List.of(owner.owner()), column("SELECT owner FROM LOCKS_OUTAGE"), "nor removed by a heartbeat");

        Thread.sleep(1_100); // the other's database has answered for its takeover-after: it judges staleness again
        other.beat();
        assertTrue(other.add("rapidstart/live.rapidstart"), "an owner that did not renew since is gone: taken over");
    }

    @Test
    void aLockIsTakenOverOnlyOnceStaleAndNeverReleasedOrRenewedByItsFormerOwner() throws Exception {
        Schema.createLockTable(database, "LOCKS_TAKEOVER");
        JdbcInboxLocks first = locks("LOCKS_TAKEOVER");
        JdbcInboxLocks second = locks("LOCKS_TAKEOVER");
        assertTrue(first.add("rapidstart/a.rapidstart"));
        assertFalse(second.add("rapidstart/a.rapidstart"), "held and renewed: not taken");
        assertFalse(first.add("rapidstart/a.rapidstart"), "held: not taken twice by its owner either");

        execute("UPDATE LOCKS_TAKEOVER SET heartbeat = now() - INTERVAL '29 seconds'");
        assertFalse(second.add("rapidstart/a.rapidstart"), "younger than takeover-after: still alive");
        execute("UPDATE LOCKS_TAKEOVER SET heartbeat = now() - INTERVAL '31 seconds'");
        assertTrue(second.add("rapidstart/a.rapidstart"), "stale: taken over");
        assertEquals(List.of(second.owner()), column("SELECT owner FROM LOCKS_TAKEOVER"));

        execute("UPDATE LOCKS_TAKEOVER SET heartbeat = now() - INTERVAL '10 seconds'");
        first.beat();
        assertEquals(List.of("t"), column("SELECT heartbeat < now() - INTERVAL '5 seconds' FROM LOCKS_TAKEOVER"),
                "the former owner's heartbeat does not renew it");
        assertFalse(first.remove("rapidstart/a.rapidstart"), "the former owner cannot release it");
        assertEquals(List.of(second.owner()), column("SELECT owner FROM LOCKS_TAKEOVER"));
        second.beat();
        assertEquals(List.of("f"), column("SELECT heartbeat < now() - INTERVAL '5 seconds' FROM LOCKS_TAKEOVER"),
                "its owner's heartbeat renews it");
        assertTrue(second.remove("rapidstart/a.rapidstart"));
        assertEquals(List.of(), column("SELECT owner FROM LOCKS_TAKEOVER"));

        // the locks of an instance killed after its files moved are removed by the next heartbeat of another
        execute("INSERT INTO LOCKS_TAKEOVER VALUES ('group', 'rapidstart/gone.rapidstart', 'killed', now() - INTERVAL '31 seconds')");
        execute("INSERT INTO LOCKS_TAKEOVER VALUES ('group', 'rapidstart/live.rapidstart', 'live', now() - INTERVAL '29 seconds')");
        first.beat();
        assertEquals(List.of("live"), column("SELECT owner FROM LOCKS_TAKEOVER"));
    }

    @Test
    void theEmptyTableOfAnEarlierVersionIsConvertedAndOneInUseRefused() throws Exception {
        String earlier = " (processorName VARCHAR(255) NOT NULL, messageId VARCHAR(1024) NOT NULL,"
                         + " createdAt TIMESTAMP NOT NULL, PRIMARY KEY (processorName, messageId))";
        execute("CREATE TABLE LOCKS_EMPTY" + earlier);
        Schema.createLockTable(database, "LOCKS_EMPTY");
        assertTrue(locks("LOCKS_EMPTY").add("rapidstart/b.rapidstart"), "usable once converted");

        execute("CREATE TABLE LOCKS_IN_USE" + earlier);
        execute("INSERT INTO LOCKS_IN_USE VALUES ('deploykit-file-drop', 'rapidstart/c.rapidstart', now())");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Schema.createLockTable(database, "LOCKS_IN_USE"));
        assertTrue(refused.getMessage().contains("shape of an earlier version") && refused.getMessage().contains("1 locks"),
                refused.getMessage());
        assertEquals(List.of("1"), column("SELECT COUNT(*) FROM LOCKS_IN_USE"), "left as it was");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> column(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
