package io.deploykit.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a soak and writes RELIABILITY.md.
 * <pre>
 * java -jar soak/target/deploykit-soak.jar                                  # 1000 drops, 3 instances, 3 kills, 3 restarts
 * java -jar soak/target/deploykit-soak.jar --drops 200 --seconds 60 --out target/RELIABILITY.md
 * </pre>
 * Exits with 0 when the promise held, 1 when a file was lost, deployed twice, failed without its note or left
 * something behind (the report says which), 2 on bad arguments, 3 when the run itself could not finish.
 */
public final class SoakMain {

    private static final String USAGE = """
            Usage: java -jar soak/target/deploykit-soak.jar [options]
              --drops N        files to drop (default 1000)
              --instances N    instances running at once (default 3)
              --kills N        instances killed with SIGKILL while deploying (default 3)
              --restarts N     instances stopped with SIGTERM while deploying, then replaced (default 3)
              --seconds N      how long the drops take (default 240)
              --fault-rate X   share of the requests hit by a fault (default 0.10)
              --seed N         seed of the random choices (default 20261123)
              --work DIR       the run's folder: inbox, instance logs (default soak/target/soak-run)
              --out FILE       the report (default RELIABILITY.md in the project's root)
            """;

    private SoakMain() {
    }

    /** The settings and the report's file of one run, as the command line gives them. */
    record Options(SoakSettings settings, Path out) {
    }

    public static void main(String[] args) throws Exception {
        boolean fromRoot = Files.isDirectory(Path.of("soak"));
        Path defaultWork = fromRoot ? Path.of("soak", "target", "soak-run") : Path.of("target", "soak-run");
        Path defaultOut = fromRoot ? Path.of("RELIABILITY.md") : Path.of("..", "RELIABILITY.md");
        Options options;
        try {
            options = parse(args, defaultWork, defaultOut);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage() == null ? e.toString() : e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        SoakSettings settings = options.settings();
        Path out = options.out();

        SoakResult result;
        try {
            result = new Soak(settings).run();
        } catch (Await.SoakFailure e) {
            System.err.println(e.getMessage());
            System.exit(3);
            return;
        }
        ReliabilityReport.write(out, result, "java -jar soak/target/deploykit-soak.jar" + (args.length == 0 ? ""
                : " " + String.join(" ", args)));
        Say.line("%s", result.summary());
        Say.line("wrote %s", out.toAbsolutePath().normalize());
        if (!result.violations().isEmpty()) {
            Say.line("THE PROMISE WAS BROKEN:%n  %s%n%s", String.join("\n  ", result.violations()), result.diagnostics());
            System.exit(1);
        }
        System.exit(0);
    }

    /**
     * Reads the options over the full run's settings, then checks them together, so that their order does not
     * matter. Returns null for {@code --help}; throws on a bad option or value.
     */
    static Options parse(String[] args, Path defaultWork, Path defaultOut) {
        SoakSettings full = SoakSettings.full(defaultWork);
        int drops = full.drops();
        int instances = full.instances();
        int kills = full.kills();
        int restarts = full.restarts();
        Duration dropPhase = full.dropPhase();
        double faultRate = full.faultRate();
        long seed = full.seed();
        Path work = full.work();
        Path out = defaultOut;
        boolean dropsGiven = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--drops" -> {
                    drops = Integer.parseInt(args[++i]);
                    dropsGiven = true;
                }
                case "--instances" -> instances = Integer.parseInt(args[++i]);
                case "--kills" -> kills = Integer.parseInt(args[++i]);
                case "--restarts" -> restarts = Integer.parseInt(args[++i]);
                case "--seconds" -> dropPhase = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--fault-rate" -> faultRate = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--help", "-h" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        // the fault codes scale with the drops when the drops were given: 1% apply failures, 0.5% stuck jobs
        int applyFailures = dropsGiven ? Math.max(1, drops / 100) : full.applyFailures();
        int stuckJobs = dropsGiven ? Math.max(1, drops / 200) : full.stuckJobs();
        int processingFailures = dropsGiven ? Math.max(1, drops / 200) : full.processingFailures();
        SoakSettings settings = new SoakSettings(drops, instances, kills, restarts, dropPhase, full.drainBound(),
                faultRate, full.tokenExpiryEvery(), applyFailures, stuckJobs, processingFailures,
                full.processingHolds(), full.jobStep(), full.bcTimeout(), full.holdFor(), full.heartbeat(),
                full.takeover(), full.shutdownTimeout(), work, seed);
        return new Options(settings, out);
    }
}
