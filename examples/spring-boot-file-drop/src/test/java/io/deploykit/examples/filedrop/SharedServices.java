package io.deploykit.examples.filedrop;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * What several instances of the application share in a test: a real PostgreSQL server, and the two services
 * (emulated here, in the test's JVM, so that they outlive the instances killed or stopped).
 */
final class SharedServices implements AutoCloseable {

    final EmbeddedPostgres postgres;
    final BcEmulator bc;
    final ReactorEmulator reactor;

    SharedServices(Duration jobStep) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        bc = BcEmulator.builder().port(0).client(EmbeddedEmulators.DEMO_CLIENT_ID, EmbeddedEmulators.DEMO_CLIENT_SECRET)
                .jobStepDuration(jobStep).start();
        reactor = ReactorEmulator.builder().port(0)
                .client(EmbeddedEmulators.DEMO_CLIENT_ID, EmbeddedEmulators.DEMO_CLIENT_SECRET).start();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** An instance on {@code inbox} that picks files fast, pointed at these services, with {@code more} arguments. */
    List<String> instanceArguments(Path inbox, String... more) {
        List<String> arguments = new ArrayList<>(quickInbox(inbox));
        arguments.addAll(List.of(more));
        arguments.addAll(serviceArguments());
        return arguments;
    }

    /** An inbox whose files are picked once stable for 300 ms, polled every 100 ms. */
    static List<String> quickInbox(Path inbox) {
        return List.of("--deploykit.example.inbox=" + inbox, "--deploykit.example.read-lock-min-age=300ms",
                "--deploykit.example.poll-delay=100ms");
    }

    /** The arguments that point an instance at the emulated services. */
    List<String> serviceArguments() {
        return serviceArguments(bc, reactor);
    }

    /** The arguments that point an instance at these emulated services. */
    static List<String> serviceArguments(BcEmulator bc, ReactorEmulator reactor) {
        return List.of(
                "--camel.component.bc.base-url=" + bc.apiBaseUrl(),
                "--camel.component.bc.token-url=" + bc.tokenUrl(),
                "--camel.component.bc.tenant-id=" + bc.tenant(),
                "--camel.component.bc.environment=" + bc.environment(),
                "--camel.component.bc.company-name=" + EmbeddedEmulators.DEMO_COMPANY,
                "--camel.component.bc.client-id=" + EmbeddedEmulators.DEMO_CLIENT_ID,
                "--camel.component.bc.client-secret=" + EmbeddedEmulators.DEMO_CLIENT_SECRET,
                "--camel.component.bc.poll-interval=200",
                "--camel.component.bc.accept-isv-eula=true", // the emulated apps have no publisher terms
                "--camel.component.reactor.base-url=" + reactor.baseUrl(),
                "--camel.component.reactor.token-url=" + reactor.tokenUrl(),
                "--camel.component.reactor.client-id=" + EmbeddedEmulators.DEMO_CLIENT_ID,
                "--camel.component.reactor.client-secret=" + EmbeddedEmulators.DEMO_CLIENT_SECRET,
                "--camel.component.reactor.poll-interval=200");
    }

    /** The arguments that make an instance one of a cluster on this PostgreSQL. */
    List<String> clusterArguments(Duration heartbeat, Duration takeoverAfter) {
        List<String> arguments = new ArrayList<>(List.of(
                "--deploykit.example.cluster.jdbc-url=" + jdbcUrl(),
                "--deploykit.example.cluster.username=postgres",
                "--deploykit.example.cluster.password=postgres",
                "--deploykit.example.cluster.lock-heartbeat=" + heartbeat.toMillis() + "ms",
                "--deploykit.example.cluster.takeover-after=" + takeoverAfter.toMillis() + "ms"));
        return arguments;
    }

    String companyId() {
        return bc.company(EmbeddedEmulators.DEMO_COMPANY).id();
    }

    /** The first column of the rows a query finds in the shared database. */
    List<String> rows(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        bc.close();
        reactor.close();
        postgres.close();
    }
}
