package io.deploykit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the harness from rotting: the request economy benchmark at toy scale (an emulator process and a client JVM,
 * jobs of 200 ms), and the report it writes. The real benchmarks are run by hand, never by the build.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path dir;

    @Test
    void runsABenchmarkAtToyScaleAndWritesTheReport() throws Exception {
        List<Result> results = BenchmarkMain.run(List.of(new RequestEconomyBenchmark()), Scale.TOY);

        assertEquals(2, results.size(), () -> "rows: " + results);
        for (Result row : results) {
            assertNotNull(row.met(), () -> "the benchmark ran: " + row);
        }
        assertTrue(results.get(1).met(), () -> "with companyId one deploy stays within its budget: " + results.get(1));

        Path report = dir.resolve("RESULTS.md");
        ResultsReport.write(report, results, "smoke test", 0);
        String markdown = Files.readString(report);
        assertTrue(markdown.contains("| benchmark | target | measured | ratio | verdict | notes |"), markdown);
        assertTrue(markdown.contains("cores"), markdown);
    }

    @Test
    void theAppBenchmarkRunsAtToyScaleAndMeetsItsTargets() throws Exception {
        List<Result> results = BenchmarkMain.run(List.of(new AppDeployBenchmark()), Scale.TOY);

        assertEquals(2, results.size(), () -> "rows: " + results);
        assertTrue(Boolean.TRUE.equals(results.get(0).met()), () -> "fewer requests than the script: " + results.get(0));
        // at toy scale (50 ms polls) a poll's round trip is a visible share of the interval: only that it was seen
        assertNotNull(results.get(1).met(), () -> "measured: " + results.get(1));
        assertTrue(!results.get(1).measured().startsWith("-1"), () -> "the poll that saw the end found: " + results.get(1));
    }

    @Test
    void theReleaseBenchmarkRunsAtToyScale() throws Exception {
        List<Result> results = BenchmarkMain.run(List.of(new ReleaseBenchmark()), Scale.TOY);

        assertEquals(4, results.size(), () -> "rows: " + results);
        results.forEach(row -> assertNotNull(row.met(), () -> "ran: " + row));
        assertTrue(results.get(1).met(), () -> "nothing refused by the limits: " + results.get(1));
        assertTrue(results.get(2).met(), () -> "no more requests than one by one: " + results.get(2));
    }

    @Test
    void theScriptPollsOnceAt30SecondsThenEvery5WhileInProgress() {
        assertEquals(1, AppDeployBenchmark.scriptPolls(java.time.Duration.ofSeconds(2)));
        assertEquals(1, AppDeployBenchmark.scriptPolls(java.time.Duration.ofSeconds(30)));
        assertEquals(2, AppDeployBenchmark.scriptPolls(java.time.Duration.ofSeconds(31)));
        assertEquals(3, AppDeployBenchmark.scriptPolls(java.time.Duration.ofSeconds(40)));
    }
}
