package io.deploykit.soak;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one soak run does.
 *
 * @param drops             how many files are dropped in all
 * @param instances         how many instances of the application run at once
 * @param kills             how many instances are killed (SIGKILL) while they deploy, each replaced at once
 * @param restarts          how many instances are stopped gracefully (SIGTERM) while they deploy, then replaced
 * @param dropPhase         how long the drops take: they are spread evenly over it, and so are the kills and restarts
 * @param drainBound        how long the inbox may take to empty once the last file was dropped
 * @param faultRate         the share of the services' requests that an injected fault hits
 * @param tokenExpiryEvery  how often every access token of both services is expired mid-flow
 * @param applyFailures     how many RapidStart packages get an apply that ends in Error (their files must go to .error)
 * @param stuckJobs         how many RapidStart packages get jobs stuck past the bc: timeout (released once the file
 *                          is in .error)
 * @param processingFailures how many Reactor processings are made to fail
 * @param processingHolds   how many times every Reactor processing is held pending for a while
 * @param jobStep           each step of a Business Central import or apply
 * @param bcTimeout         the bc: component's wait for a job ({@code camel.component.bc.timeout})
 * @param holdFor           how long the jobs of the packages dropped just before each kill or stop are held (less
 *                          than the timeout: they are deployed all the same, by whichever instance has them then)
 * @param heartbeat         the cluster's lock heartbeat
 * @param takeover          after how long without a heartbeat another instance takes a file over
 * @param shutdownTimeout   Camel's graceful shutdown timeout in the instances
 * @param work              the folder of the run: inbox, instance logs and temporary folders
 * @param seed              the seed of every random choice, so that a run can be repeated
 */
public record SoakSettings(int drops, int instances, int kills, int restarts, Duration dropPhase, Duration drainBound,
                           double faultRate, Duration tokenExpiryEvery, int applyFailures, int stuckJobs,
                           int processingFailures, int processingHolds, Duration jobStep, Duration bcTimeout,
                           Duration holdFor, Duration heartbeat, Duration takeover, Duration shutdownTimeout, Path work, long seed) {

    public SoakSettings {
        if (drops < 1 || instances < 1 || kills < 0 || restarts < 0) {
            throw new IllegalArgumentException("drops and instances must be positive, kills and restarts not negative");
        }
        if (instances < 2 && kills + restarts > 0) {
            throw new IllegalArgumentException("killing or restarting needs at least 2 instances, so that one runs on");
        }
        if (holdFor.compareTo(bcTimeout.minusSeconds(2)) > 0) {
            throw new IllegalArgumentException("held jobs must be released well before the timeout: " + holdFor);
        }
        if (faultRate < 0 || faultRate >= 0.5) {
            throw new IllegalArgumentException("faultRate is a share of the requests, below 0.5: " + faultRate);
        }
    }

    /** The full run: 1000 drops over 4 minutes on 3 instances, 3 kills and 3 restarts, 10% of the requests faulted. */
    public static SoakSettings full(Path work) {
        return new SoakSettings(1000, 3, 3, 3, Duration.ofSeconds(240), Duration.ofMinutes(10), 0.10,
                Duration.ofSeconds(20), 10, 5, 5, 2, Duration.ofMillis(150), Duration.ofSeconds(20),
                Duration.ofSeconds(8), Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(3), work, 20261123L);
    }

    /** The run of the build's test: 60 drops over 40 s on 2 instances, 1 kill and 1 restart. */
    public static SoakSettings small(Path work) {
        return new SoakSettings(60, 2, 1, 1, Duration.ofSeconds(40), Duration.ofSeconds(100), 0.10,
                Duration.ofSeconds(12), 2, 1, 1, 1, Duration.ofMillis(100), Duration.ofSeconds(12),
                Duration.ofSeconds(8), Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(3), work, 60L);
    }
}
