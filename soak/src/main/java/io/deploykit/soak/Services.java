package io.deploykit.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * What the instances share, all in the harness JVM so that it outlives every instance killed or stopped: a real
 * PostgreSQL server (locks and deploy progress), and the two services, emulated.
 */
final class Services implements AutoCloseable {

    static final String CLIENT_ID = "deploykit-demo";
    static final String CLIENT_SECRET = "demo-secret";
    static final String COMPANY = "CRONUS USA, Inc.";
    /** The example's lock table (InboxCoordination.LOCK_TABLE). */
    static final String LOCK_TABLE = "DEPLOYKIT_LOCKS";
    /** The example's deploy progress table (InboxCoordination.STATE_TABLE). */
    static final String STATE_TABLE = "DEPLOYKIT_STATE";
    /** The emulated BC's requests per 5-minute window for the soak's one client (BC's own is 6000). */
    static final int SOAK_REQUESTS_PER_WINDOW = 100_000;

    /** Its data folder and port outlive a stop, so that it comes back as itself (see {@link #stopDatabase()}). */
    private final Path postgresData;
    private final int postgresPort;
    private volatile EmbeddedPostgres postgres;
    final BcEmulator bc;
    final ReactorEmulator reactor;

    Services(Duration jobStep) throws IOException {
        postgresData = Files.createTempDirectory("soak-postgres-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(postgresData).setCleanDataDirectory(false).start();
        postgresPort = postgres.getPort();
        BcEmulator startedBc = null;
        try {
            // One client for every instance: a full soak sends about 7500 BC requests in 4 minutes, more than
            // BC's 6000 per user per 5 minutes, so the window is raised here (the other limits stay BC's).
            startedBc = BcEmulator.builder().port(0).client(CLIENT_ID, CLIENT_SECRET).jobStepDuration(jobStep)
                    .requestsPerWindow(SOAK_REQUESTS_PER_WINDOW).start();
            reactor = ReactorEmulator.builder().port(0).client(CLIENT_ID, CLIENT_SECRET)
                    .processingTime(Duration.ofMillis(200)).start();
        } catch (RuntimeException e) {
            if (startedBc != null) {
                startedBc.close();
            }
            postgres.close();
            throw e;
        }
        bc = startedBc;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** Stops PostgreSQL, as an outage or a failover does: the instances' connections break, new ones are refused. */
    void stopDatabase() throws IOException {
        postgres.close();
    }

    /** Starts PostgreSQL again on the same data and port, where the instances find it by themselves. */
    void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(postgresData).setCleanDataDirectory(false)
                .setPort(postgresPort).start();
    }

    String companyId() {
        return bc.company(COMPANY).id();
    }

    /** The arguments that point an instance at the emulated services. */
    List<String> serviceArguments(Duration bcTimeout) {
        return List.of(
                "--camel.component.bc.base-url=" + bc.apiBaseUrl(),
                "--camel.component.bc.token-url=" + bc.tokenUrl(),
                "--camel.component.bc.tenant-id=" + bc.tenant(),
                "--camel.component.bc.environment=" + bc.environment(),
                "--camel.component.bc.company-name=" + COMPANY,
                "--camel.component.bc.client-id=" + CLIENT_ID,
                "--camel.component.bc.client-secret=" + CLIENT_SECRET,
                "--camel.component.bc.poll-interval=200",
                "--camel.component.bc.accept-isv-eula=true", // the emulated apps have no publisher terms
                "--camel.component.bc.timeout=" + bcTimeout.toMillis(),
                "--camel.component.reactor.base-url=" + reactor.baseUrl(),
                "--camel.component.reactor.token-url=" + reactor.tokenUrl(),
                "--camel.component.reactor.client-id=" + CLIENT_ID,
                "--camel.component.reactor.client-secret=" + CLIENT_SECRET,
                "--camel.component.reactor.ims-org-id=" + reactor.orgId(),
                "--camel.component.reactor.poll-interval=200");
    }

    /** The arguments that make an instance one of the cluster on this PostgreSQL. */
    List<String> clusterArguments(Duration heartbeat, Duration takeover) {
        return List.of(
                "--deploykit.example.cluster.jdbc-url=" + jdbcUrl(),
                "--deploykit.example.cluster.username=postgres",
                "--deploykit.example.cluster.password=postgres",
                "--deploykit.example.cluster.lock-heartbeat=" + heartbeat.toMillis() + "ms",
                "--deploykit.example.cluster.takeover-after=" + takeover.toMillis() + "ms");
    }

    /** The locks held now, as {@code group key owner heartbeat}; empty when the table was not made yet. */
    List<String> lockRows() {
        return rows("SELECT processorName || ' ' || messageId || ' ' || owner || ' ' || heartbeat FROM " + LOCK_TABLE, true);
    }

    /** How many deploy records the instances wrote. */
    long stateRows() {
        List<String> count = rows("SELECT count(*) FROM " + STATE_TABLE, true);
        return count.isEmpty() ? 0 : Long.parseLong(count.get(0));
    }

    private List<String> rows(String sql, boolean tableMayBeMissing) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            if (tableMayBeMissing && "42P01".equals(e.getSQLState())) { // undefined_table
                return List.of();
            }
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            bc.close();
            reactor.close();
        } finally {
            postgres.close();
            try (Stream<Path> files = Files.walk(postgresData)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
