package io.deploykit.camel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.journal.DirectoryStateRepository;
import io.deploykit.camel.core.journal.JournalRecords;
import io.deploykit.camel.release.run.ReleaseBoard;

/** The page's data from a real journal folder: deploys by file name, gates that wait, and a journal that fails. */
class DeploymentsViewTest {

    @TempDir
    Path dir;

    private DeploymentsView view(JournalRecords journal) throws Exception {
        Files.createDirectories(dir.resolve("rapidstart/.error"));
        Files.writeString(dir.resolve("rapidstart/.error/bad.rapidstart"), "x");
        Inboxes inboxes = new Inboxes(Map.of("rapidstart", dir.resolve("rapidstart").toString()));
        return new DeploymentsView(new DefaultCamelContext(), () -> journal, inboxes,
                new ErrorFiles(inboxes, Clock.systemUTC()), 10);
    }

    @Test
    void deploysShowByFileNameAndWaitingGatesAsGates() throws Exception {
        DirectoryStateRepository states = new DirectoryStateRepository(dir.resolve("states"));
        states.start();
        new DeployJournal(states, "bc:t/production/CRONUS", Clock.systemUTC()).entry("configurationPackage.deploy",
                "items.rapidstart|120|1700000000000|ab12").record("applying", "pkg-1", null);
        new DeployJournal(states, "release", Clock.systemUTC()).entry("approval", "r-1|production")
                .record("waiting", null, null);
        DeployJournal units = new DeployJournal(states, "release", Clock.systemUTC());
        units.entry("release", "r-1|bc/production/CRONUS|1").record("done", null, null); // another instance's
        units.entry("release", "r-1|bc/production/CRONUS|2").record("done", null, null);

        Map<String, Object> state = view(states).state();

        List<?> journal = (List<?>) state.get("journal");
        assertEquals(3, journal.size(), "the gate is no deploy: " + journal);
        Map<?, ?> deploy = journal.stream().map(Map.class::cast).filter(r -> "configurationPackage.deploy".equals(
                r.get("operation"))).findFirst().orElseThrow();
        assertEquals("items.rapidstart", deploy.get("what"));
        assertEquals("applying", deploy.get("step"));
        List<?> releases = (List<?>) state.get("journalReleases");
        assertEquals(1, releases.size(), releases.toString());
        Map<?, ?> release = (Map<?, ?>) releases.get(0);
        assertEquals("r-1", release.get("releaseId"));
        assertEquals(Map.of("production", "waiting"), release.get("gates"));
        assertEquals(List.of(1, 2), ((List<?>) release.get("cells")).stream().map(c -> ((ReleaseBoard.Cell) c).step()).toList());
        assertEquals(List.of(Map.of("release", "r-1", "wave", "production")), ((List<?>) state.get("gates")).stream()
                .map(gate -> Map.of("release", ((Map<?, ?>) gate).get("release"), "wave", ((Map<?, ?>) gate).get("wave")))
                .toList());
    }

    @Test
    void aJournalThatCannotBeReadIsSaidAndTheRestIsShown() throws Exception {
        Map<String, Object> state = view(limit -> {
            throw new IllegalStateException("connection refused");
        }).state();

        assertTrue(String.valueOf(state.get("journalError")).contains("connection refused"), state.toString());
        assertEquals(1, ((List<?>) state.get("errorFiles")).size());
    }
}
