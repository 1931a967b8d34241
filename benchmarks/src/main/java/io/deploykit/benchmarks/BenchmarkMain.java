package io.deploykit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks and writes RESULTS.md.
 * <pre>
 * java -jar benchmarks/target/deploykit-benchmarks.jar                 # all, at full scale
 * java -jar benchmarks/target/deploykit-benchmarks.jar upload tokens   # some of them
 * java -jar benchmarks/target/deploykit-benchmarks.jar --toy --out target/RESULTS.md
 * </pre>
 * A benchmark that fails is reported as not run, with why, and the others go on.
 */
public final class BenchmarkMain {

    private static final Map<String, Benchmark> ALL = new LinkedHashMap<>();

    static {
        for (Benchmark benchmark : List.of(new EmulatorCeilingBenchmark(), new StreamingUploadBenchmark(),
                new WaitingWithoutThreadsBenchmark(), new RequestEconomyBenchmark(), new HandWrittenRouteBenchmark(),
                new TokenEconomyBenchmark(), new AppDeployBenchmark(), new ReleaseBenchmark())) {
            ALL.put(benchmark.name(), benchmark);
        }
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Scale scale = Scale.FULL;
        Path out = null;
        List<Benchmark> chosen = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--toy" -> scale = Scale.TOY;
                case "--out" -> out = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("Usage: java -jar deploykit-benchmarks.jar [--toy] [--out FILE] [" 
                                       + String.join("|", ALL.keySet()) + " ...]");
                    return;
                }
                default -> {
                    Benchmark benchmark = ALL.get(args[i]);
                    if (benchmark == null) {
                        System.err.println("Unknown benchmark '" + args[i] + "'; there are " + ALL.keySet());
                        System.exit(2);
                    }
                    chosen.add(benchmark);
                }
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ALL.values());
        }
        List<Result> results = run(chosen, scale);
        Path file = out != null ? out : defaultOutput();
        ResultsReport.write(file, results, "java -jar benchmarks/target/deploykit-benchmarks.jar " + String.join(" ", args),
                (System.nanoTime() - STARTED) / 1_000_000_000L);
        System.out.println("Wrote " + file.toAbsolutePath());
    }

    private static final long STARTED = System.nanoTime();

    static List<Result> run(List<Benchmark> benchmarks, Scale scale) {
        List<Result> results = new ArrayList<>();
        for (Benchmark benchmark : benchmarks) {
            System.out.println("== " + benchmark.name());
            try {
                List<Result> rows = benchmark.run(scale);
                rows.forEach(row -> System.out.println("   " + row.verdict() + "  " + row.benchmark() + ": "
                                                       + row.measured() + " (" + row.ratio() + ")"));
                results.addAll(rows);
            } catch (Exception | Error e) {
                e.printStackTrace();
                String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
                results.add(Result.notRun(benchmark.name(), benchmark.target(), "failed to run: " + why));
            }
        }
        return results;
    }

    /** benchmarks/RESULTS.md from the project's root, else RESULTS.md here (run from benchmarks/). */
    private static Path defaultOutput() {
        return Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "RESULTS.md") : Path.of("RESULTS.md");
    }
}
