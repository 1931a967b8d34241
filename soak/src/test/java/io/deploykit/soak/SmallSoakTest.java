package io.deploykit.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak harness at small scale, in every build: 2 instances in their own JVMs on one inbox and one PostgreSQL,
 * 60 files dropped over 40 s with about 10% of the requests faulted, apply failures, a job stuck past the timeout,
 * one instance killed (SIGKILL) and one stopped (SIGTERM) while deploying. Nothing may be lost, deployed twice,
 * failed without its note, or left behind. The full run is {@code java -jar soak/target/deploykit-soak.jar}.
 */
class SmallSoakTest {

    @TempDir
    Path work;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void nothingIsLostDeployedTwiceOrLeftBehindAcrossKillsRestartsAndFaults() throws Exception {
        SoakResult result = new Soak(SoakSettings.small(work.resolve("run"))).run();
        System.out.println(result.summary());
        String context = "\n" + result.summary() + "\n" + result.diagnostics() + tails();

        assertEquals(List.of(), result.violations(), "the promise" + context);
        assertEquals(List.of(), result.lost(), "files lost" + context);
        assertEquals(List.of(), result.deployedMoreThanOnce(), "files deployed more than once" + context);
        assertEquals(List.of(), result.errorWithoutNote(), "files in .error without their note" + context);
        assertEquals(1, result.maxDeploysPerFile(), "each file deployed at most once" + context);
        assertEquals(List.of(), result.expectationsMissed(), "the injected job failures end in .error" + context);
        assertEquals(List.of(), result.problems(), "the run itself" + context);

        assertEquals(60, result.totalDrops(), context);
        assertEquals(60, result.doneCount() + result.errorCount(), "every file in .done or .error" + context);
        assertTrue(result.drops.getOrDefault(Drop.Kind.APP, 0) >= 1, "apps dropped too" + context);
        assertTrue(result.done.getOrDefault(Drop.Kind.APP, 0) >= 1, "apps installed" + context);
        int releases = result.drops.getOrDefault(Drop.Kind.RELEASE, 0);
        assertTrue(releases >= 1 && result.heldReleases >= 1, "a release dropped, held for a strike" + context);
        assertEquals(releases, result.done.getOrDefault(Drop.Kind.RELEASE, 0), "releases deployed" + context);
        assertEquals(releases * Dropper.RELEASE_STEPS.size() * Dropper.RELEASE_COMPANIES.size(),
                result.releaseStepTargets, context);
        assertEquals(1, result.maxRunsPerReleaseStep, "each release step once per company" + context);
        assertEquals(1, result.kills(), context);
        assertEquals(1, result.restarts(), context);
        assertTrue(result.strikesWhileDeploying() >= 1, "a kill or a restart hit an instance with files in flight" + context);
        assertTrue(result.httpFaultsCounted > 0 && result.tokenExpiries > 0, "faults were injected" + context);
        assertEquals(1, result.databaseOutages, "PostgreSQL was stopped and started again mid-run" + context);

        ReliabilityReport.write(work.resolve("RELIABILITY.md"), result, "SmallSoakTest");
        String report = Files.readString(work.resolve("RELIABILITY.md"));
        assertTrue(report.contains("| files lost | 0 | 0 | met |"), report);
    }

    /** The instances' logs, on failure. */
    private String tails() {
        StringBuilder text = new StringBuilder();
        try (var logs = Files.list(work.resolve("run").resolve("logs"))) {
            for (Path log : logs.sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                text.append("\n--- last lines of ").append(log.getFileName()).append(" ---\n")
                    .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        } catch (Exception e) {
            text.append("\n(no instance logs: ").append(e).append(')');
        }
        return text.toString();
    }
}
