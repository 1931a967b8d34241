package io.deploykit.soak;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The figures of one soak run, all counted in that run, and what broke the promise (nothing, if it held). */
public final class SoakResult {

    /** Faults of one kind on one target, as injected. */
    record FaultRow(String service, String kind, String target, long injected) {
    }

    final SoakSettings settings;
    final Instant origin;
    Duration startedAfter = Duration.ZERO;
    Duration dropPhase = Duration.ZERO;
    Duration drain = Duration.ZERO;
    Instant finishedAt;

    final Map<Drop.Kind, Integer> drops = new EnumMap<>(Drop.Kind.class);
    int reusedCodes;
    int held;
    int heldReleases;
    int picturesReplaced;

    final List<FaultRow> faultRows = new ArrayList<>();
    long bcRequests;
    long reactorRequests;
    long httpFaultsInjected;
    long httpFaultsCounted;
    int tokenExpiries;
    long unauthorizedAnswers;
    int applyFailuresPlanned;
    int applyFailuresSeen;
    int stuckJobsPlanned;
    int jobTimeoutsSeen;
    int processingFailuresInjected;
    int processingFailuresSeen;
    int processingHolds;
    int databaseOutages;
    Duration databaseDown = Duration.ZERO;

    List<Cluster.Event> events = List.of();
    int instancesStarted;

    final Map<Drop.Kind, Integer> done = new EnumMap<>(Drop.Kind.class);
    final Map<Drop.Kind, Integer> error = new EnumMap<>(Drop.Kind.class);
    Map<String, Long> reasons = new LinkedHashMap<>();
    int maxDeploysPerFile;
    int maxImportsPerFile;
    int maxReleasesPerFile;
    /** The steps of the releases dropped, each counted once per company it goes to. */
    int releaseStepTargets;
    /** The most applies of one release step on one company. */
    int maxRunsPerReleaseStep;
    /** The most installs the emulated Business Central accepted for one app id and version. */
    int maxInstallsPerAppVersion;
    final List<String> deployedMoreThanOnce = new ArrayList<>();
    final List<String> doneButNotDeployed = new ArrayList<>();
    final List<String> doneButFailed = new ArrayList<>();
    final List<String> lost = new ArrayList<>();
    final List<String> leftInInbox = new ArrayList<>();
    final List<String> errorWithoutNote = new ArrayList<>();
    final List<String> unknownDeploys = new ArrayList<>();
    final List<String> expectationsMissed = new ArrayList<>();
    /** Files nothing was injected to fail that went to .error: failures of the product, not of the faults. */
    final List<String> unexpectedFailures = new ArrayList<>();
    final List<String> inboxLeftovers = new ArrayList<>();
    final List<String> orphanNotes = new ArrayList<>();
    List<String> locksWhileRunning = List.of();
    List<String> locksAtEnd = List.of();
    final List<String> tmpLeftovers = new ArrayList<>();
    long stateRows;

    long picks;
    long resumes;
    long ambiguousAnswers;
    long notSentAgain;
    long interrupted;

    Duration medianInInbox = Duration.ZERO;
    Duration p95InInbox = Duration.ZERO;
    Duration maxInInbox = Duration.ZERO;

    final List<String> problems = new CopyOnWriteArrayList<>();
    final List<String> evidence = new ArrayList<>();

    SoakResult(SoakSettings settings, Instant origin) {
        this.settings = settings;
        this.origin = origin;
    }

    void problem(String text) {
        problems.add(text);
    }

    /** What broke the promise: a file lost, deployed twice, failed without its note, or something left behind. */
    public List<String> violations() {
        List<String> broken = new ArrayList<>();
        lost.forEach(file -> broken.add("lost: " + file));
        leftInInbox.forEach(file -> broken.add("still in the inbox after the drain: " + file));
        deployedMoreThanOnce.forEach(file -> broken.add("deployed more than once: " + file));
        doneButNotDeployed.forEach(file -> broken.add("in .done but not deployed: " + file));
        doneButFailed.forEach(file -> broken.add("in .done although its deploy failed: " + file));
        errorWithoutNote.forEach(file -> broken.add("in .error without its note: " + file));
        unexpectedFailures.forEach(file -> broken.add("in .error though nothing was injected to fail it: " + file));
        unknownDeploys.forEach(deploy -> broken.add("deployed, but no dropped file has this content: " + deploy));
        inboxLeftovers.forEach(file -> broken.add("left in the inbox folders: " + file));
        orphanNotes.forEach(file -> broken.add("a failure note beside no failed file: " + file));
        locksAtEnd.forEach(row -> broken.add("lock row left in " + Services.LOCK_TABLE + ": " + row));
        tmpLeftovers.forEach(file -> broken.add("temporary upload file left: " + file));
        if (maxRunsPerReleaseStep > 1) {
            broken.add("a release step ran " + maxRunsPerReleaseStep + " times on one company");
        }
        if (maxInstallsPerAppVersion > 1) {
            broken.add("an app version installed " + maxInstallsPerAppVersion + " times");
        }
        return broken;
    }

    /** Files whose injected failure did not show: an apply failure or a stuck job that did not end in .error. */
    public List<String> expectationsMissed() {
        return List.copyOf(expectationsMissed);
    }

    /** What went wrong with the run itself (an instance that would not start or stop, a fault that could not be set). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<String> lost() {
        return List.copyOf(lost);
    }

    public List<String> deployedMoreThanOnce() {
        return List.copyOf(deployedMoreThanOnce);
    }

    public List<String> errorWithoutNote() {
        return List.copyOf(errorWithoutNote);
    }

    public int maxDeploysPerFile() {
        return maxDeploysPerFile;
    }

    public int totalDrops() {
        return drops.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int doneCount() {
        return done.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int errorCount() {
        return error.values().stream().mapToInt(Integer::intValue).sum();
    }

    public long kills() {
        return events.stream().filter(e -> e.type().equals(Cluster.KILL)).count();
    }

    public long restarts() {
        return events.stream().filter(e -> e.type().equals(Cluster.RESTART)).count();
    }

    /** Kills and restarts that hit an instance with files in flight. */
    public long strikesWhileDeploying() {
        return events.stream().filter(e -> !e.inFlight().isEmpty()).count();
    }

    /** The requests both services received. */
    long totalRequests() {
        return bcRequests + reactorRequests;
    }

    /** Files lost: gone from the inbox to neither .done nor .error, or still in the inbox after the drain. */
    int lostCount() {
        return lost.size() + leftInInbox.size();
    }

    /** What was left behind: in the inbox folders, notes without a file, lock rows, temporary uploads. */
    int leftoverCount() {
        return inboxLeftovers.size() + orphanNotes.size() + locksAtEnd.size() + tmpLeftovers.size();
    }

    public long faultsInjected() {
        return httpFaultsCounted + tokenExpiries + applyFailuresSeen + jobTimeoutsSeen + processingFailuresSeen
               + processingHolds + databaseOutages;
    }

    public Duration elapsed() {
        return Duration.between(origin, finishedAt == null ? Instant.now() : finishedAt);
    }

    /** The instances' log tails and the evidence of each violation, for failure messages. */
    public String diagnostics() {
        return String.join("\n", evidence);
    }

    /** A few lines for the console. */
    public String summary() {
        return "drops " + totalDrops() + " " + drops + "; .done " + doneCount() + ", .error " + errorCount() + " "
               + reasons + "; faults " + faultsInjected() + " (HTTP " + httpFaultsCounted + " of " + totalRequests()
               + " requests)" + "; database down " + databaseOutages + " time(s), " + databaseDown.toSeconds() + " s"
               + "; kills " + kills() + ", restarts " + restarts() + " (" + strikesWhileDeploying()
               + " while deploying); max deploys per file " + maxDeploysPerFile + " (installs per app version "
               + maxInstallsPerAppVersion + ", runs per release step and company " + maxRunsPerReleaseStep + " over "
               + releaseStepTargets + ", " + heldReleases + " release(s) held for a strike), deployed more than once "
               + deployedMoreThanOnce.size() + ", lost " + lostCount() + ", leftovers " + leftoverCount()
               + "; " + elapsed().toSeconds() + " s" + (problems.isEmpty() ? "" : "; problems: " + problems)
               + (expectationsMissed.isEmpty() ? "" : "; expectations missed: " + expectationsMissed);
    }
}
