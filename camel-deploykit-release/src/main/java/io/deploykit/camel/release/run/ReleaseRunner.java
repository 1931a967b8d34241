package io.deploykit.camel.release.run;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.bc.BcConstants;
import io.deploykit.camel.bc.model.InstalledApp;
import io.deploykit.camel.core.error.JournalUnavailableException;
import io.deploykit.camel.core.error.OperationInterruptedException;
import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.support.Failures;
import io.deploykit.camel.reactor.ReactorConstants;
import io.deploykit.camel.release.ValidRelease;
import io.deploykit.camel.release.manifest.ReleaseStep;
import io.deploykit.camel.release.manifest.ReleaseWave;
import io.deploykit.camel.release.manifest.StepKind;

/**
 * Runs a validated release: wave after wave; the targets of a wave concurrently; each target's units in order,
 * stopping at its first failure; a wave with a failed target halts the waves after it. Each unit runs once per
 * release and scope: within a run, a scope two targets share runs for the first and the other waits for it; across
 * runs, the journal records each unit done and the next run of the same release skips it, naming it skipped. The
 * units deploy through the application's configured {@code bc} and {@code reactor} components (or those the
 * manifest names), whose producers complete asynchronously: waiting for a job holds no thread.
 */
public final class ReleaseRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseRunner.class);
    /** Business Central online runs 3 scheduled jobs (imports, applies) at once per environment. */
    static final int JOBS_PER_ENVIRONMENT = 3;
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    /** The journal step of a unit that completed; never renamed, as journals keep it. */
    private enum Step {
        done
    }

    private final CamelContext camel;
    private final DeployJournal journal;
    private final Approvals approvals;
    private final boolean redo;
    private final Clock clock;
    private final EndpointCalls calls;
    private final EnvironmentSlots slots;
    private final ReleaseBoard board;

    /**
     * @param journal   where units are recorded done ({@link DeployJournal#NONE}: every run deploys everything)
     * @param approvals the gates of gated waves
     * @param redo      run every unit again, whatever the journal says (their endpoints get new deploy keys too)
     */
    public ReleaseRunner(CamelContext camel, DeployJournal journal, Approvals approvals, boolean redo, Clock clock) {
        this(camel, journal, approvals, redo, clock, new ReleaseBoard());
    }

    /** @param board where each run's matrix shows live, for pages */
    public ReleaseRunner(CamelContext camel, DeployJournal journal, Approvals approvals, boolean redo, Clock clock,
                         ReleaseBoard board) {
        this.board = board;
        this.camel = camel;
        this.journal = journal;
        this.approvals = approvals;
        this.redo = redo;
        this.clock = clock;
        this.calls = new EndpointCalls(camel);
        this.slots = new EnvironmentSlots(JOBS_PER_ENVIRONMENT);
    }

    /**
     * Checks the targets against the application and the services (connections, environments, companies), then runs
     * the release; the report says what ran, what was skipped, what failed and what did not run. Fails with
     * {@link io.deploykit.camel.release.InvalidReleaseException} naming every target problem, nothing deployed.
     */
    public CompletableFuture<ReleaseReport> run(ValidRelease release) {
        return new TargetCheck(camel, calls).resolve(release).thenCompose(this::runChecked);
    }

    private CompletableFuture<ReleaseReport> runChecked(ValidRelease release) {
        Instant started = clock.instant();
        String id = release.manifest().id();
        List<List<ReleasePlan.TargetPlan>> waves = ReleasePlan.of(release);
        Run run = new Run(id, started, board.started(id, started, waves));
        List<List<CompletableFuture<List<UnitResult>>>> results = new ArrayList<>();
        CompletableFuture<String> halted = CompletableFuture.completedFuture(null); // why later waves do not run
        for (int w = 0; w < waves.size(); w++) {
            List<ReleasePlan.TargetPlan> wave = waves.get(w);
            ReleaseWave manifestWave = release.manifest().waves().get(w);
            CompletableFuture<String> before = !manifestWave.gated() ? halted : halted.thenCompose(why -> why != null
                    ? CompletableFuture.completedFuture(why)
                    : gate(run, manifestWave));
            List<CompletableFuture<List<UnitResult>>> targets = new ArrayList<>();
            for (ReleasePlan.TargetPlan target : wave) {
                targets.add(before.thenCompose(why -> why != null ? CompletableFuture.completedFuture(
                        notRun(target.units(), why)) : runTarget(run, target)));
            }
            results.add(targets);
            halted = before.thenCompose(why -> CompletableFuture.allOf(targets.toArray(CompletableFuture[]::new))
                    .thenApply(all -> why != null ? why : failedTarget(wave, targets)));
        }
        return halted.thenApply(why -> {
            List<UnitResult> units = new ArrayList<>();
            results.forEach(wave -> wave.forEach(target -> units.addAll(target.join())));
            units.forEach(run.live()::ended);
            run.live().finished();
            ReleaseReport report = new ReleaseReport(id, release.bundle().name(), started, clock.instant(), units);
            LOG.info("Release {} {}: {} done, {} skipped, {} failed, {} not run", id,
                     report.succeeded() ? "succeeded" : "FAILED", report.count(UnitResult.Outcome.DONE),
                     report.count(UnitResult.Outcome.SKIPPED), report.count(UnitResult.Outcome.FAILED),
                     report.count(UnitResult.Outcome.NOT_RUN));
            return report;
        });
    }

    /**
     * Whether a failure leaves the release where it is, for its next run, rather than failing a step: a stop, or a
     * journal that cannot be reached (what was done is unknown, so nothing is sent and nothing reported failed).
     */
    private static boolean staysForTheNextRun(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        return cause instanceof OperationInterruptedException || cause instanceof JournalUnavailableException;
    }

    /** Null when every target of the wave succeeded; else why the waves after it do not run. */
    private static String failedTarget(List<ReleasePlan.TargetPlan> wave, List<CompletableFuture<List<UnitResult>>> targets) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).join().stream().anyMatch(u -> u.outcome() == UnitResult.Outcome.FAILED)) {
                return "wave " + wave.get(i).wave() + " failed on " + wave.get(i).target().describe();
            }
        }
        return null;
    }

    /** Waits for the wave's approval; completes with why it does not run (refused, timed out), or null. */
    private CompletableFuture<String> gate(Run run, ReleaseWave wave) {
        run.live().gate(wave.name(), ReleaseRecords.GATE_WAITING);
        return approvals.await(run.id(), wave.name(), wave.approvalTimeout()).handle((approved, failure) -> {
            if (failure != null && staysForTheNextRun(failure)) {
                return CompletableFuture.<String>failedFuture(failure); // not refused: unknown, for the next run
            }
            String why = failure == null ? null : Failures.message(failure);
            run.live().gate(wave.name(), why == null ? "approved" : "refused: " + why);
            return CompletableFuture.completedFuture(why);
        }).thenCompose(why -> why);
    }

    /** The state of one run: its units by key, each run once whichever target reaches it first; its live matrix. */
    private record Run(String id, Instant started, ReleaseBoard.Live live, Map<String, CompletableFuture<UnitResult>> units) {
        Run(String id, Instant started, ReleaseBoard.Live live) {
            this(id, started, live, new ConcurrentHashMap<>());
        }
    }

    /**
     * A target's steps in order. Consecutive company-scoped steps run per company, the companies together: each
     * company goes through those steps in order, its package deploys within the environment's slots. The first
     * failure stops the target: no company starts a unit after it.
     */
    private CompletableFuture<List<UnitResult>> runTarget(Run run, ReleasePlan.TargetPlan target) {
        Map<ReleaseUnit, UnitResult> results = new ConcurrentHashMap<>();
        AtomicReference<UnitResult> firstFailure = new AtomicReference<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (List<ReleaseUnit> segment : segments(target.units())) {
            chain = chain.thenCompose(previous -> {
                Map<String, List<ReleaseUnit>> byCompany = new LinkedHashMap<>();
                segment.forEach(unit -> byCompany.computeIfAbsent(String.valueOf(unit.company()), c -> new ArrayList<>())
                        .add(unit));
                List<CompletableFuture<Void>> companies = byCompany.values().stream()
                        .map(units -> runInOrder(run, units, results, firstFailure)).toList();
                return CompletableFuture.allOf(companies.toArray(CompletableFuture[]::new));
            });
        }
        return chain.thenApply(done -> target.units().stream().map(results::get).toList());
    }

    /** One company's units (or a single environment- or release-scoped one), in order, until the target fails. */
    private CompletableFuture<Void> runInOrder(Run run, List<ReleaseUnit> units, Map<ReleaseUnit, UnitResult> results,
                                               AtomicReference<UnitResult> firstFailure) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (ReleaseUnit unit : units) {
            chain = chain.thenCompose(previous -> {
                UnitResult failed = firstFailure.get();
                if (failed != null) {
                    results.put(unit, new UnitResult(unit, UnitResult.Outcome.NOT_RUN, Duration.ZERO, "step "
                            + failed.unit().step().number() + " failed before it on this target"));
                    return CompletableFuture.completedFuture(null);
                }
                run.live().set(unit, ReleaseBoard.State.RUNNING, null);
                CompletableFuture<UnitResult> result = unit.step().kind() == StepKind.configurationPackage
                        ? slots.run(unit.target().describe(), () -> runOnce(run, unit)) : runOnce(run, unit);
                return result.thenAccept(done -> {
                    if (done.outcome() == UnitResult.Outcome.FAILED) {
                        firstFailure.compareAndSet(null, done);
                    }
                    results.put(unit, done);
                    run.live().ended(done);
                });
            });
        }
        return chain;
    }

    /** Runs of consecutive company-scoped units together; every other unit alone (a barrier between them). */
    private static List<List<ReleaseUnit>> segments(List<ReleaseUnit> units) {
        List<List<ReleaseUnit>> segments = new ArrayList<>();
        for (ReleaseUnit unit : units) {
            boolean joins = !segments.isEmpty() && unit.perCompany()
                            && segments.get(segments.size() - 1).get(0).perCompany();
            if (!joins) {
                segments.add(new ArrayList<>());
            }
            segments.get(segments.size() - 1).add(unit);
        }
        return segments;
    }

    /** The unit's result; for a scope another target of this run reached first, that run's result, said so. */
    private CompletableFuture<UnitResult> runOnce(Run run, ReleaseUnit unit) {
        CompletableFuture<UnitResult> mine = new CompletableFuture<>();
        CompletableFuture<UnitResult> first = run.units().putIfAbsent(unit.key(run.id()), mine);
        if (first != null) {
            return first.thenApply(other -> switch (other.outcome()) {
                case DONE, SKIPPED -> new UnitResult(unit, UnitResult.Outcome.SKIPPED, Duration.ZERO,
                        "run once for " + unit.scope() + " (by wave " + other.unit().wave() + ", "
                        + other.unit().target().describe() + ")");
                case FAILED, NOT_RUN -> new UnitResult(unit, other.outcome(), Duration.ZERO, "as for wave "
                        + other.unit().wave() + ", " + other.unit().target().describe() + ": " + other.detail());
            });
        }
        execute(run, unit).whenComplete((result, failure) -> {
            if (failure != null && staysForTheNextRun(failure)) {
                mine.completeExceptionally(failure);
            } else if (failure != null) {
                mine.complete(new UnitResult(unit, UnitResult.Outcome.FAILED, Duration.ZERO, Failures.message(failure)));
            } else {
                mine.complete(result);
            }
        });
        return mine;
    }

    private CompletableFuture<UnitResult> execute(Run run, ReleaseUnit unit) {
        DeployJournal.Entry entry = journal.entry(ReleaseRecords.UNIT, unit.key(run.id()));
        return entry.lastAsync().thenCompose(last -> {
            if (!redo && last.isPresent() && last.get().is(Step.done)) {
                LOG.info("Release {}: step {} for {} was done on {}: skipped", run.id(), unit.step().describe(),
                         unit.scope(), last.get().at());
                return CompletableFuture.completedFuture(new UnitResult(unit, UnitResult.Outcome.SKIPPED, Duration.ZERO,
                        "done in an earlier run, at " + last.get().at()));
            }
            long start = System.nanoTime();
            String deployKey = unit.key(run.id()) + (redo ? "|redo " + run.started() : "");
            LOG.info("Release {}: step {} for {}", run.id(), unit.step().describe(), unit.scope());
            return deploy(unit, deployKey).handle((what, failure) -> {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (failure != null && staysForTheNextRun(failure)) {
                    LOG.warn("Release {}: step {} for {} was interrupted ({}); the release continues from it at its"
                             + " next run", run.id(), unit.step().describe(), unit.scope(), Failures.message(failure));
                    return CompletableFuture.<UnitResult>failedFuture(failure);
                }
                if (failure != null) {
                    LOG.warn("Release {}: step {} for {} failed: {}", run.id(), unit.step().describe(), unit.scope(),
                             Failures.message(failure));
                    return CompletableFuture.completedFuture(new UnitResult(unit, UnitResult.Outcome.FAILED, took,
                            Failures.message(failure)));
                }
                // what the component found deployed is said, never skipped silently
                return entry.recordAsync(Step.done, null, null).thenApply(recorded -> new UnitResult(unit,
                        what.skipped() ? UnitResult.Outcome.SKIPPED : UnitResult.Outcome.DONE, took, what.detail()));
            }).thenCompose(result -> result);
        });
    }

    /**
     * What the component did with a unit: sent it, or found it deployed already and sent nothing ({@code skipped}:
     * the environment has the app at this version or higher, or the package's deploy key was done); the detail says
     * what it found, also when it found only some of a step's apps installed.
     */
    private record Sent(boolean skipped, String detail) {
        static final Sent SENT = new Sent(false, null);
    }

    private CompletableFuture<Sent> deploy(ReleaseUnit unit, String deployKey) {
        ReleaseStep step = unit.step();
        return switch (step.kind()) {
            case app -> send(bc(unit, "app", "deploy"), exchange -> {
                exchange.getMessage().setBody(unit.files().stream().map(Path::toFile).toList());
                exchange.getMessage().setHeader(BcConstants.DEPLOY_KEY, deployKey);
            }).thenApply(ReleaseRunner::appsFound);
            case configurationPackage -> send(bc(unit, "configurationPackage", "deploy"), exchange -> {
                exchange.getMessage().setBody(unit.files().get(0).toFile());
                exchange.getMessage().setHeader(BcConstants.DEPLOY_KEY, deployKey);
            }).thenApply(done -> Boolean.TRUE.equals(done.getMessage().getHeader(BcConstants.DEPLOY_SKIPPED, Boolean.class))
                    ? new Sent(true, "the component had deployed it under this deploy key already: not sent again")
                    : Sent.SENT);
            case pictures -> pictures(unit, deployKey).thenApply(done -> Sent.SENT);
            case extension -> extension(unit, deployKey).thenApply(done -> Sent.SENT);
        };
    }

    /** The apps of a step the environment had (the component's result for each is the installed app): named. */
    private static Sent appsFound(Exchange done) {
        Object body = done.getMessage().getBody();
        List<?> results = body instanceof List<?> list ? list : List.of(body);
        List<String> found = results.stream().filter(InstalledApp.class::isInstance).map(InstalledApp.class::cast)
                .map(app -> app.name() + " " + app.version()).toList();
        if (found.isEmpty()) {
            return Sent.SENT;
        }
        String detail = "the environment has " + String.join(", ", found) + " (this version or higher): not uploaded";
        return found.size() == results.size() ? new Sent(true, detail)
                : new Sent(false, (results.size() - found.size()) + " of " + results.size() + " apps installed; "
                                  + detail);
    }

    private CompletableFuture<Void> pictures(ReleaseUnit unit, String deployKey) {
        String uri = bc(unit, "picture", "update") + "&parentType=" + unit.step().parentType();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Path picture : unit.files()) {
            String name = picture.getFileName().toString();
            String number = name.substring(0, name.lastIndexOf('.'));
            chain = chain.thenCompose(previous -> send(uri, exchange -> {
                exchange.getMessage().setBody(picture.toFile());
                exchange.getMessage().setHeader(BcConstants.PARENT_NUMBER, number);
                exchange.getMessage().setHeader(BcConstants.DEPLOY_KEY, deployKey + "|" + number);
            })).thenApply(done -> null);
        }
        return chain;
    }

    private CompletableFuture<Void> extension(ReleaseUnit unit, String deployKey) {
        String component = unit.step().connection();
        CompletableFuture<Exchange> uploaded = send(component + ":extensionPackage?operation=upload", exchange -> {
            exchange.getMessage().setBody(unit.files().get(0).toFile());
            exchange.getMessage().setHeader(ReactorConstants.DEPLOY_KEY, deployKey);
        });
        if (!unit.step().releasePrivate()) {
            return uploaded.thenApply(done -> null);
        }
        return uploaded.thenCompose(done -> send(component + ":extensionPackage?operation=releasePrivate",
                exchange -> exchange.getMessage().setHeader(ReactorConstants.EXTENSION_PACKAGE_ID,
                        done.getMessage().getHeader(ReactorConstants.EXTENSION_PACKAGE_ID))))
                .thenApply(done -> null);
    }

    /** The exchange once done; failed with its exception when the endpoint failed it. */
    private CompletableFuture<Exchange> send(String uri, java.util.function.Consumer<Exchange> prepare) {
        return calls.send(uri, prepare).thenCompose(exchange -> exchange.getException() == null
                ? CompletableFuture.completedFuture(exchange) : CompletableFuture.failedFuture(exchange.getException()));
    }

    /** The target's bc endpoint for this resource and operation: its environment, and its company for a company step. */
    private static String bc(ReleaseUnit unit, String resource, String operation) {
        StringBuilder uri = new StringBuilder(unit.target().connection()).append(':').append(resource)
                .append("?operation=").append(operation).append("&environment=").append(encode(unit.target().environment()));
        if (unit.company() != null) { // by id once resolved: no lookup of the name per endpoint
            String id = unit.target().companyId(unit.company());
            if (id != null || GUID.matcher(unit.company()).matches()) {
                uri.append("&companyId=").append(encode(id != null ? id : unit.company()));
            } else {
                uri.append("&companyName=").append(encode(unit.company()));
            }
        }
        return uri.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<UnitResult> notRun(List<ReleaseUnit> units, String why) {
        return units.stream().map(unit -> new UnitResult(unit, UnitResult.Outcome.NOT_RUN, Duration.ZERO, why)).toList();
    }

    @Override
    public void close() {
        calls.close();
    }
}
