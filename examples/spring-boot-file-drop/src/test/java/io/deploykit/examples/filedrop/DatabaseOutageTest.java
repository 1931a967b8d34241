package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.reactor.ReactorEmulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The cluster database goes away for 20 s while files are being deployed, and comes back on the same data and port
 * (a restart, a failover): no file is taken for a bad one. Every file ends in {@code .done}, each package imported and
 * applied once, none in {@code .error}, and the outage is logged once.
 */
class DatabaseOutageTest {

    private static final String OUTAGE = "The state repository (the cluster database, or the state folder) is unavailable";
    private static final int FILES = 4;

    @TempDir
    Path work;

    @Test
    void filesInFlightWhileTheDatabaseIsDownStayInTheInboxAndAreDeployedOnceWhenItIsBack() throws Exception {
        Path data = work.resolve("pgdata");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        int port = postgres.getPort();
        Path inbox = work.resolve("inbox");
        List<String> codes = new ArrayList<>();
        try (BcEmulator bc = BcEmulator.builder().port(0)
                .client(EmbeddedEmulators.DEMO_CLIENT_ID, EmbeddedEmulators.DEMO_CLIENT_SECRET)
                .jobStepDuration(Duration.ofMillis(700)).start();
             ReactorEmulator reactor = ReactorEmulator.builder().port(0)
                     .client(EmbeddedEmulators.DEMO_CLIENT_ID, EmbeddedEmulators.DEMO_CLIENT_SECRET).start();
             ChildApplication app = ChildApplication.start("outage", work,
                     arguments(inbox, postgres.getJdbcUrl("postgres", "postgres"), bc, reactor))) {
            app.awaitStarted();
            for (int i = 0; i < FILES; i++) {
                String code = "OUTAGE-" + i;
                codes.add(code);
                RapidStartFiles.write(inbox.resolve("rapidstart/" + code + ".rapidstart"), code, "Outage " + code, 1, 2);
            }
            for (String code : codes) {
                Eventually.await(code + " importing", Duration.ofSeconds(30),
                        () -> app.logged("Started the import of configuration package " + code), app::tail);
            }

            postgres.close(); // the database goes away mid-deploy: the deploys' next steps cannot be recorded
            Thread.sleep(20_000); // an outage of 20 s: the inbox must neither move its files aside nor spin
            assertEquals(List.of(), doneOrError(inbox), "nothing is moved while the database is down" + app.tail());
            assertTrue(app.logged(OUTAGE), "the outage is logged as such" + app.tail());
            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();

            for (String code : codes) {
                Path done = inbox.resolve("rapidstart/.done/" + code + ".rapidstart");
                Eventually.await(code + " in .done", Duration.ofSeconds(60), () -> Files.exists(done),
                        () -> "; moved: " + doneOrError(inbox) + app.tail());
            }
            Map<String, Long> imports = new HashMap<>();
            bc.imports().forEach(imported -> imports.merge(imported.packageCode(), 1L, Long::sum));
            Map<String, Long> applies = new HashMap<>();
            bc.applies().forEach(apply -> applies.merge(apply.packageCode(), 1L, Long::sum));
            for (String code : codes) {
                assertEquals(1L, imports.getOrDefault(code, 0L), code + " imported once: " + imports);
                assertEquals(1L, applies.getOrDefault(code, 0L), code + " applied once: " + applies);
            }
            assertTrue(doneOrError(inbox).stream().noneMatch(path -> path.contains(".error")), doneOrError(inbox).toString());
            List<String> warnings = app.matches(Pattern.compile("( WARN .*)"));
            assertEquals(1, warnings.stream().filter(line -> line.contains(OUTAGE)).count(),
                    "one WARN for the outage, not one per file or per poll: " + String.join("\n", warnings));
            assertTrue(app.logged("The state repository answers again"), app.tail());
        } finally {
            postgres.close();
        }
    }

    private static List<String> arguments(Path inbox, String jdbcUrl, BcEmulator bc, ReactorEmulator reactor) {
        List<String> arguments = new ArrayList<>(SharedServices.quickInbox(inbox));
        arguments.addAll(List.of(
                "--deploykit.example.cluster.jdbc-url=" + jdbcUrl,
                "--deploykit.example.cluster.username=postgres",
                "--deploykit.example.cluster.password=postgres",
                "--deploykit.example.cluster.lock-heartbeat=300ms",
                "--deploykit.example.cluster.takeover-after=2s"));
        arguments.addAll(SharedServices.serviceArguments(bc, reactor));
        return arguments;
    }

    /** The files moved out of the inbox folders, as paths relative to the inbox. */
    private static List<String> doneOrError(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(inbox)) {
            return files.filter(Files::isRegularFile).map(inbox::relativize).map(Path::toString)
                    .filter(path -> path.contains(".done") || path.contains(".error")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
