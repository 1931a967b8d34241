package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.error.JournalUnavailableException;
import io.deploykit.camel.core.journal.JdbcStateRepository;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The journal in a real PostgreSQL server that stops answering (its processes paused with SIGSTOP, as a hung host or
 * a long failover looks to a client): the endpoint's other requests keep flowing, and the deploys waiting for the
 * journal fail within stateRepositoryTimeout with an error that names the state repository, not the service.
 */
class PausedDatabaseTest extends BcTestSupport {

    private static final String DEPLOY = "bc:configurationPackage?operation=deploy&stateRepository=#states"
                                         + "&stateRepositoryTimeout=1500";

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("states", new JdbcStateRepository(postgres.getPostgresDatabase()));
    }

    @Test
    void aPausedDatabaseFailsTheDeploysWithinTheBoundAndHoldsNoOtherRequest() throws Exception {
        String code = newCode("PAUSED");
        Path file = RapidStartFiles.write(dir.resolve("paused.rapidstart"), code, "Paused", 1, 2).file();
        List<Future<Exchange>> deploys = new ArrayList<>();
        List<Future<Exchange>> lists = new ArrayList<>();
        context.getEndpoint(DEPLOY); // started now: its start creates the journal's table
        List<Long> pids = postgresProcesses();
        signal("-STOP", pids);
        try {
            for (int i = 0; i < 2; i++) {
                Path copy = RapidStartFiles.write(dir.resolve("paused-" + i + ".rapidstart"), newCode("PAUSED"), "Paused", 1, 1)
                        .file();
                deploys.add(template.asyncSend(DEPLOY, exchange -> exchange.getMessage().setBody(copy.toFile())));
            }
            waitFor("the deploys looked their company up", () -> emulator.requestCount("companies.list") >= 1);
            for (int i = 0; i < 4; i++) { // on the same endpoint, so on the same HTTP client and its I/O threads
                lists.add(template.asyncSend(DEPLOY, exchange -> exchange.getMessage().setHeader(BcConstants.OPERATION,
                        BcOperation.list)));
            }
            for (Future<Exchange> list : lists) {
                Exchange listed = list.get(5, TimeUnit.SECONDS);
                assertNull(listed.getException(), "a list needs no journal");
            }
            for (Future<Exchange> deploy : deploys) {
                Exchange failed = deploy.get(10, TimeUnit.SECONDS);
                JournalUnavailableException error = assertInstanceOf(JournalUnavailableException.class, failure(failed));
                assertTrue(error.getMessage().contains("state repository did not answer within 1500 ms"
                                                       + " (stateRepositoryTimeout)"), error.getMessage());
                assertFalse(error.getMessage().contains("Business Central"), error.getMessage());
            }
            assertEquals(0, emulator.requestCount("packages.create"), "nothing is sent before its step is recorded");
        } finally {
            signal("-CONT", pids);
        }

        ConfigurationPackage deployed = template.requestBody(DEPLOY, file.toFile(), ConfigurationPackage.class);

        assertEquals("Completed", deployed.getApplyStatus(), "the journal answers again once the database does");
    }

    /** The server's postmaster and its children (background workers; a new backend is a child of a paused process). */
    private static List<Long> postgresProcesses() throws Exception {
        ProcessHandle postmaster;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            postmaster = ProcessHandle.of(row.getLong(1)).flatMap(ProcessHandle::parent).orElseThrow();
        }
        List<Long> pids = new ArrayList<>(List.of(postmaster.pid()));
        postmaster.children().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        // a backend that was ending may be gone: kill still signals the others
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
