package io.deploykit.camel.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.error.DeployKitException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Against a real PostgreSQL server, started for this class. */
class JdbcStateRepositoryTest {

    private static EmbeddedPostgres postgres;
    private static DataSource database;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static JdbcStateRepository started(String table) {
        JdbcStateRepository states = new JdbcStateRepository(database, table);
        states.start();
        return states;
    }

    private static boolean tableExists(String table) throws Exception {
        try (Connection connection = database.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, table.toLowerCase(), null)) {
            return tables.next();
        }
    }

    private static long rows(String table, String key) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE state_key = ?")) {
            count.setString(1, key);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void theDefaultTableIsCreatedAtStartAndFoundByTheNextStart() throws Exception {
        assertFalse(tableExists("DEPLOYKIT_STATE"));
        JdbcStateRepository first = new JdbcStateRepository(database);
        first.start();
        assertTrue(tableExists("DEPLOYKIT_STATE"));
        try (Connection connection = database.getConnection();
             ResultSet index = connection.getMetaData().getIndexInfo(null, null, "deploykit_state", false, false)) {
            boolean byTime = false;
            while (index.next()) {
                byTime |= "updated_at".equalsIgnoreCase(index.getString("COLUMN_NAME"));
            }
            assertTrue(byTime, "the latest records and the purge read through an index on updated_at");
        }
        first.setState("deploy-1", "{\"step\":\"creating\"}");

        JdbcStateRepository second = new JdbcStateRepository(database);
        second.start();
        assertEquals("{\"step\":\"creating\"}", second.getState("deploy-1"));
    }

    @Test
    void aStateIsInsertedThenUpdatedInItsOneRow() throws Exception {
        JdbcStateRepository states = started("STATES_UPSERT");
        assertNull(states.getState("deploy-1"));

        states.setState("deploy-1", "creating");
        states.setState("deploy-1", "importing");
        states.setState("deploy-2", "deployed");

        assertEquals("importing", states.getState("deploy-1"));
        assertEquals("deployed", states.getState("deploy-2"));
        assertEquals(1, rows("STATES_UPSERT", "deploy-1"));
    }

    @Test
    void aDeploySettledByOneInstanceIsANewDeployForAnother() {
        DeployJournal one = new DeployJournal(started("settled_states"), "scope", java.time.Clock.systemUTC());
        DeployJournal other = new DeployJournal(started("settled_states"), "scope", java.time.Clock.systemUTC());
        one.entry("deploy", "key").record("deployed", "pkg-1", null);
        assertEquals("deployed", other.entry("deploy", "key").last().orElseThrow().step());

        one.entry("deploy", "key").settle();

        assertTrue(other.entry("deploy", "key").last().isEmpty());
    }

    @Test
    void twoRepositoriesOnOneTableSeeEachOthersWrites() {
        JdbcStateRepository one = started("STATES_SHARED");
        JdbcStateRepository two = started("STATES_SHARED");

        one.setState("deploy-1", "importing");
        assertEquals("importing", two.getState("deploy-1"));
        two.setState("deploy-1", "applying");
        assertEquals("applying", one.getState("deploy-1"));
    }

    @Test
    void concurrentWritersOfOneKeyLeaveOneRowWithOneOfTheirValues() throws Exception {
        JdbcStateRepository states = started("STATES_CONCURRENT");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 10; round++) {
                String key = "deploy-" + round;
                CyclicBarrier together = new CyclicBarrier(writers);
                List<Future<?>> writes = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    String value = "step-" + writer;
                    writes.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        states.setState(key, value);
                        return null;
                    }));
                }
                for (Future<?> write : writes) {
                    write.get(30, TimeUnit.SECONDS);
                }
                assertEquals(1, rows("STATES_CONCURRENT", key), key);
                Set<String> written = IntStream.range(0, writers).mapToObj(w -> "step-" + w).collect(Collectors.toSet());
                assertTrue(written.contains(states.getState(key)), states.getState(key));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgesTheStatesLastWrittenBeforeTheAgeGiven() throws Exception {
        JdbcStateRepository states = started("STATES_PURGE");
        states.setState("old", "deployed");
        states.setState("recent", "deployed");
        try (Connection connection = database.getConnection(); Statement age = connection.createStatement()) {
            age.executeUpdate("UPDATE STATES_PURGE SET updated_at = updated_at - INTERVAL '8 days' WHERE state_key = 'old'");
        }

        assertEquals(1, states.purgeOlderThan(Duration.ofDays(7)));

        assertNull(states.getState("old"));
        assertEquals("deployed", states.getState("recent"));
        assertEquals(0, states.purgeOlderThan(Duration.ofDays(7)));
    }

    @Test
    void aValueOfAJournalEntryFitsAndATableNameMustBeAnIdentifier() {
        JdbcStateRepository states = started("STATES_VALUES");
        String longValue = "x".repeat(4000);
        states.setState("k", longValue);
        assertEquals(longValue, states.getState("k"));

        assertThrows(IllegalArgumentException.class, () -> new JdbcStateRepository(database, "STATES; DROP TABLE X"));
        assertThrows(IllegalArgumentException.class, () -> new JdbcStateRepository(database, "1STATES"));
    }

    @Test
    void aFailingDatabaseIsReportedAsADeployKitFailure() {
        JdbcStateRepository missing = new JdbcStateRepository(database, "STATES_NEVER_STARTED");
        DeployKitException read = assertThrows(DeployKitException.class, () -> missing.getState("k"));
        assertTrue(read.getMessage().contains("STATES_NEVER_STARTED"), read.getMessage());
        assertThrows(DeployKitException.class, () -> missing.setState("k", "v"));
    }

    @Test
    void listsTheLatestDeploysFirstAndSkipsValuesTheJournalDidNotWrite() {
        JdbcStateRepository states = started("LISTED_STATES");
        DeployJournal journal = new DeployJournal(states, "bc:t/production/CRONUS", java.time.Clock.systemUTC());
        journal.entry("configurationPackage.deploy", "first.rapidstart|1").record("importing", "pkg-1", null);
        states.setState("foreign", "not json of the journal");
        journal.entry("configurationPackage.deploy", "second.rapidstart|2").record("applying", "pkg-2", null);

        List<JournalRecord> latest = states.latest(10);
        assertEquals(List.of("second.rapidstart|2", "first.rapidstart|1"), latest.stream().map(JournalRecord::deploy).toList());
        assertEquals("applying", latest.get(0).step());
        assertEquals("bc:t/production/CRONUS", latest.get(0).scope());
        assertEquals(1, states.latest(1).size());
    }
}
