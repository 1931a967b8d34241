package io.deploykit.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.deploykit.emulator.bc.packages.BackgroundJobs;

/** Writes RELIABILITY.md: the machine, the command, and the figures of one run, in the style of RESULTS.md. */
final class ReliabilityReport {

    private static final int MAX_LISTED = 20;

    private ReliabilityReport() {
    }

    static void write(Path file, SoakResult r, String command) throws IOException {
        SoakSettings s = r.settings;
        StringBuilder md = new StringBuilder();
        md.append("# DeployKit reliability: soak results\n\n");
        md.append("The promise: every file dropped is deployed exactly once, and nothing is lost, across instances,")
          .append(" restarts and faults. A failed file moves aside (`.error`) with its reason note; a file whose work")
          .append(" was interrupted stays in the inbox for the next try. An action that is not idempotent (create,")
          .append(" import, apply, release) is never blindly resent.\n\n");
        md.append("Measured in one run of the soak harness (the `soak` module; how to run it: `soak/README.md`):")
          .append(" instances of the file-drop example in child JVMs, in cluster mode on one inbox folder")
          .append(" and one PostgreSQL server, with Business Central and Adobe Tags emulated in the harness JVM.")
          .append(" Files were dropped at a steady rate while faults were injected through the emulators and")
          .append(" instances were killed and restarted in the middle of their deploys; once the inbox was empty,")
          .append(" every dropped file was reconciled, by its content (SHA-256), with what the services received.")
          .append(" Every figure is a count from this one run.\n\n");
        md.append("- Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append('\n');
        md.append("- Machine: ").append(machine()).append('\n');
        md.append("- Command: `").append(command).append("` (").append(r.elapsed().toSeconds()).append(" s)\n");
        md.append("- Settings: ").append(s.drops()).append(" drops over ").append(s.dropPhase().toSeconds())
          .append(" s, ").append(s.instances()).append(" instances (their JVMs in the time zones ")
          .append(String.join(", ", Instance.TIME_ZONES)).append(" in turn), lock heartbeat ").append(s.heartbeat().toMillis())
          .append(" ms, takeover after ").append(s.takeover().toSeconds()).append(" s, `camel.component.bc.timeout` ")
          .append(s.bcTimeout().toSeconds()).append(" s, job step ").append(s.jobStep().toMillis())
          .append(" ms, ").append(BackgroundJobs.DEFAULT_RUNNING_JOBS_PER_ENVIRONMENT)
          .append(" imports or applies running at once in the environment (Business Central's limit; the others wait"
                  + " Scheduled), shutdown timeout ").append(s.shutdownTimeout().toSeconds()).append(" s, seed ")
          .append(s.seed()).append("\n\n");

        promise(md, r);
        drops(md, r);
        faults(md, r);
        strikes(md, r);
        reasons(md, r);
        time(md, r);
        if (!r.violations().isEmpty() || !r.problems().isEmpty()) {
            md.append("## What went wrong\n\n");
            listed(md, r.violations());
            listed(md, r.problems());
            if (!r.evidence.isEmpty()) {
                md.append("\nThe instances' log lines about each file concerned:\n\n```\n")
                  .append(String.join("\n", r.evidence.subList(0, Math.min(r.evidence.size(), MAX_LISTED))))
                  .append("\n```\n");
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    private static void promise(StringBuilder md, SoakResult r) {
        md.append("| check | target | measured | verdict | notes |\n|---|---|---|---|---|\n");
        int lost = r.lostCount();
        row(md, "files lost", "0", Integer.toString(lost), lost == 0,
                "in neither `.done` nor `.error` once they left the inbox, or still in the inbox after the drain"
                + listOf(concat(r.lost, r.leftInInbox)));
        row(md, "deploys per file", "at most 1", "max " + r.maxDeploysPerFile + "; " + r.deployedMoreThanOnce.size()
                                                 + " files deployed more than once",
                r.deployedMoreThanOnce.isEmpty() && r.maxDeploysPerFile <= 1 && r.maxInstallsPerAppVersion <= 1,
                "applies per package code and file SHA-256 (`AppliedPackage.sha256`, the stored file's hash), picture"
                + " updates per item and image SHA-256, Reactor uploads per extension name and zip SHA-256, app installs"
                + " (`pteInstall` accepted) per app id and file SHA-256; imports per package file max "
                + r.maxImportsPerFile + ", releases per extension max " + r.maxReleasesPerFile
                + ", installs per app id and version max " + r.maxInstallsPerAppVersion
                + listOf(r.deployedMoreThanOnce));
        row(md, "steps per release target", "at most 1", "max " + r.maxRunsPerReleaseStep + " over "
                + r.releaseStepTargets + " steps and companies", r.maxRunsPerReleaseStep <= 1,
                "applies of each configuration package of each release per company and file SHA-256; a release in"
                + " `.done` has every step applied once on every company (counted in the next row)");
        int done = r.doneCount();
        row(md, "files in `.done` deployed", "all, once", (done - r.doneButNotDeployed.size()) + " of " + done,
                r.doneButNotDeployed.isEmpty(), "a file in `.done` has exactly one apply (and one import), picture"
                + " update, or upload (and one release), a release each of its steps once per company"
                + listOf(r.doneButNotDeployed));
        row(md, "files whose deploy failed, in `.done`", "0", Integer.toString(r.doneButFailed.size()),
                r.doneButFailed.isEmpty(), "an extension whose package's processing failed on the service must be in"
                + " `.error` (with `ReactorPackageFailedException` as its reason)" + listOf(r.doneButFailed));
        row(md, "files in `.error` nothing was injected to fail", "0", Integer.toString(r.unexpectedFailures.size()),
                r.unexpectedFailures.isEmpty(), "a failure of the product itself (every failure the soak injects has"
                + " its own reason, counted in the drops table)" + listOf(r.unexpectedFailures));
        int errors = r.errorCount();
        row(md, "files in `.error` with their note", "all", (errors - r.errorWithoutNote.size()) + " of " + errors,
                r.errorWithoutNote.isEmpty(), "`<file>.error.txt` beside the file, written after it was dropped"
                + listOf(r.errorWithoutNote));
        row(md, "injected failures moved aside", "all", "apply failures " + r.applyFailuresSeen + " of "
                + r.applyFailuresPlanned + ", stuck jobs " + r.jobTimeoutsSeen + " of " + r.stuckJobsPlanned,
                r.expectationsMissed.isEmpty(), "an apply ending in Error: `.error` with the applyError; jobs stuck"
                + " past the timeout: `.error` with a `JobTimeoutException` note; a failed processing: `.error` with"
                + " the processing's failure" + listOf(r.expectationsMissed));
        row(md, "deploys of unknown content", "0", Integer.toString(r.unknownDeploys.size()), r.unknownDeploys.isEmpty(),
                "applies, imports, pictures or uploads whose content no dropped file has" + listOf(r.unknownDeploys));
        int leftovers = r.leftoverCount();
        row(md, "leftovers", "none", leftovers == 0 ? "none" : leftovers + " (" + r.inboxLeftovers.size()
                + " in the inbox folders, " + r.orphanNotes.size() + " notes without a file, " + r.locksAtEnd.size()
                + " lock rows, " + r.tmpLeftovers.size() + " temporary uploads)", leftovers == 0,
                "nothing but `.done`/`.error` in the inbox folders, nothing there but dropped files and their notes;"
                + " no rows in `" + Services.LOCK_TABLE + "` (" + r.locksWhileRunning.size() + " once the inbox was"
                + " empty, " + r.locksAtEnd.size() + " after the instances stopped); no `deploykit-*.upload` in the"
                + " instances' `java.io.tmpdir` folders (killed ones included); " + r.stateRows
                + " deploy records kept in `" + Services.STATE_TABLE + "` by design"
                + listOf(concat(r.inboxLeftovers, r.orphanNotes, r.locksAtEnd, r.tmpLeftovers)));
        md.append('\n');
    }

    private static void drops(StringBuilder md, SoakResult r) {
        md.append("## Drops\n\n| kind | dropped | in `.done` | in `.error` | notes |\n|---|---|---|---|---|\n");
        for (Drop.Kind kind : Drop.Kind.values()) {
            String notes = switch (kind) {
                case RAPIDSTART -> r.reusedCodes + " reuse the code of an earlier package gone from the inbox (the"
                                   + " deploy replaces it); " + r.held + " had their jobs held for "
                                   + r.settings.holdFor().toSeconds() + " s (less than the timeout), dropped "
                                   + Dropper.HOLD_LEAD.toSeconds() + " s before the other kills and restarts so that they"
                                   + " hit a deploy under way; package codes of at most 20 characters";
                case PICTURE -> "`<item number>.png` for items " + String.join(", ", Dropper.ITEMS)
                                + ", each dropped once the item's previous picture left the inbox"
                                + (r.picturesReplaced > 0 ? "; " + r.picturesReplaced + " planned pictures became"
                                   + " RapidStart packages (every item's picture was still in the inbox)" : "");
                case EXTENSION -> "names of their own; uploaded, then released to private";
                case APP -> "ids of their own, on Base Application; installed through `pteInstall` (not idempotent:"
                            + " 504, 502 and dropped connections after it acted are injected too); installs per app"
                            + " id and version max " + r.maxInstallsPerAppVersion;
                case RELEASE -> "zips of two packages of their own, in order, to the companies " + String.join(" and ",
                        Dropper.RELEASE_COMPANIES) + " of one environment; " + r.heldReleases + " had their first"
                        + " step's jobs held for " + r.settings.holdFor().toSeconds() + " s, dropped "
                        + Dropper.HOLD_LEAD.toSeconds() + " s before the second and third of every four kills and restarts"
                        + " so that they hit a release under way; a report beside each in `.done` or `.error`";
            };
            md.append("| ").append(kind.label).append(" | ").append(r.drops.getOrDefault(kind, 0)).append(" | ")
              .append(r.done.getOrDefault(kind, 0)).append(" | ").append(r.error.getOrDefault(kind, 0)).append(" | ")
              .append(cell(notes)).append(" |\n");
        }
        md.append("| all | ").append(r.totalDrops()).append(" | ").append(r.doneCount()).append(" | ")
          .append(r.errorCount()).append(" | each with content of its own; time in the inbox: median ")
          .append(seconds(r.medianInInbox)).append(", 95th percentile ").append(seconds(r.p95InInbox))
          .append(", max ").append(seconds(r.maxInInbox)).append(" |\n\n");
    }

    private static void faults(StringBuilder md, SoakResult r) {
        md.append("## Faults injected\n\n");
        double share = r.totalRequests() == 0 ? 0 : 100.0 * r.httpFaultsCounted / r.totalRequests();
        long bcFaults = r.faultRows.stream().filter(f -> f.service().equals("Business Central"))
                .mapToLong(SoakResult.FaultRow::injected).sum();
        long reactorFaults = r.httpFaultsCounted - bcFaults;
        md.append(String.format(Locale.ROOT, "%d of the %d requests the services received were hit by an HTTP fault"
                                             + " (%.1f%%; the emulators' own count: %d): Business Central %d of %d,"
                                             + " Reactor %d of %d.%n%n",
                r.httpFaultsCounted, r.totalRequests(), share, r.httpFaultsInjected, bcFaults, r.bcRequests,
                reactorFaults, r.reactorRequests));
        md.append("| fault | injected | on | how |\n|---|---|---|---|\n");
        Map<String, Map<String, Long>> byKind = new LinkedHashMap<>();
        for (SoakResult.FaultRow row : r.faultRows) {
            String target = row.target().equals("any request") ? row.service() + " (any request)"
                    : row.target() + " (" + row.service() + ")";
            byKind.computeIfAbsent(row.kind(), k -> new LinkedHashMap<>()).merge(target, row.injected(), Long::sum);
        }
        byKind.forEach((kind, targets) -> {
            long total = targets.values().stream().mapToLong(Long::longValue).sum();
            String on = targets.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            md.append("| ").append(cell(kind)).append(" | ").append(total).append(" | ").append(cell(on))
              .append(" | `Faults`/`FaultScope` |\n");
        });
        md.append("| every access token expired mid-flow | ").append(r.tokenExpiries).append(" times | both services; ")
          .append(r.unauthorizedAnswers).append(" requests answered 401 | `Faults.expireAllTokens()` every ")
          .append(r.settings.tokenExpiryEvery().toSeconds()).append(" s |\n");
        md.append("| apply ending in Error | ").append(r.applyFailuresSeen).append(" | ").append(r.applyFailuresPlanned)
          .append(" packages chosen | `BcFaults.applyFailure(code, \"").append(Dropper.APPLY_ERROR).append("\")` |\n");
        md.append("| jobs stuck past the timeout | ").append(r.jobTimeoutsSeen).append(" | ").append(r.stuckJobsPlanned)
          .append(" packages chosen, released once their file was in `.error` | `BcFaults.stickJobsOf(code, true)` |\n");
        md.append("| Reactor processing failed | ").append(r.processingFailuresSeen).append(" seen in notes | ")
          .append(r.processingFailuresInjected).append(" set, each on the next processing to complete |")
          .append(" `ReactorFaults.failNextProcessing` |\n");
        md.append("| Reactor processing held pending for 3 s | ").append(r.processingHolds).append(" times |")
          .append(" every package processed meanwhile | `ReactorFaults.stickProcessing` |\n");
        md.append("| PostgreSQL (locks, deploy records) stopped, then started on the same data and port | ")
          .append(r.databaseOutages).append(" times, ").append(r.databaseDown.toSeconds()).append(" s down |")
          .append(" halfway through the drops; every instance at once | `EmbeddedPostgres.close()`, then `start()` |\n\n");
        md.append("What the instances logged about them: ").append(r.ambiguousAnswers)
          .append(" actions that must not be repeated got no clear answer and were checked on the service instead of")
          .append(" resent; ").append(r.notSentAgain).append(" lines say an action found to have taken effect was not")
          .append(" sent again; ").append(r.resumes).append(" deploys were resumed from their recorded step; ")
          .append(r.interrupted).append(" files were rolled back by a graceful stop (left in the inbox for the next")
          .append(" try); ").append(r.picks)
          .append(" picks in all for ").append(r.totalDrops()).append(" files.\n\n");
    }

    private static void strikes(StringBuilder md, SoakResult r) {
        md.append("## Kills and restarts\n\n");
        md.append(r.kills()).append(" kill -9 (SIGKILL, `Process.destroyForcibly()`) and ").append(r.restarts())
          .append(" graceful restarts (SIGTERM, `ProcessHandle.destroy()`), alternating, each aimed at the instance")
          .append(" deploying the package dropped ").append(Dropper.HOLD_LEAD.toSeconds()).append(" s before with its")
          .append(" jobs held (else at the busiest one), and followed at once by a new instance; files in flight are")
          .append(" those the instance's log shows picked and not finished; ")
          .append(r.instancesStarted).append(" instances started in all.\n\n");
        md.append("| # | at | what | instance | files in flight | stopped within | exit code | replaced by |\n")
          .append("|---|---|---|---|---|---|---|---|\n");
        int n = 0;
        for (Cluster.Event e : r.events) {
            md.append("| ").append(++n).append(" | ").append(e.at().toSeconds()).append(" s | ").append(e.type())
              .append(" | ").append(e.victim()).append(" | ").append(e.inFlight().size())
              .append(e.longDeploysInFlight().isEmpty() ? "" : ", " + e.longDeploysInFlight().size()
                                                                 + " waiting on held jobs")
              .append("; ").append(cell(e.deploying())).append(" | ")
              .append(e.stoppedWithin().toMillis()).append(" ms | ").append(e.exitCode()).append(" | ")
              .append(e.replacement()).append(e.note().isEmpty() ? "" : "; " + cell(e.note())).append(" |\n");
        }
        md.append('\n');
    }

    private static void reasons(StringBuilder md, SoakResult r) {
        md.append("## Files in `.error`, by reason\n\n");
        if (r.reasons.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("| reason (from the note; codes, names and numbers elided) | files |\n|---|---|\n");
        r.reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> md.append("| ").append(cell(e.getKey())).append(" | ").append(e.getValue()).append(" |\n"));
        md.append('\n');
    }

    private static void time(StringBuilder md, SoakResult r) {
        md.append("## Time\n\n| phase | time |\n|---|---|\n");
        md.append("| start of the first instances | ").append(seconds(r.startedAfter)).append(" |\n");
        md.append("| drops (steady rate) | ").append(seconds(r.dropPhase)).append(" |\n");
        md.append("| drain, until the inbox was empty | ").append(seconds(r.drain)).append(" |\n");
        md.append("| whole run, stop and reconciliation included | ").append(seconds(r.elapsed())).append(" |\n\n");
    }

    private static void row(StringBuilder md, String check, String target, String measured, boolean met, String notes) {
        md.append("| ").append(cell(check)).append(" | ").append(cell(target)).append(" | ").append(cell(measured))
          .append(" | ").append(met ? "met" : "**broken**").append(" | ").append(cell(notes)).append(" |\n");
    }

    private static String listOf(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        return ": " + String.join("; ", items.subList(0, Math.min(items.size(), MAX_LISTED)))
               + (items.size() > MAX_LISTED ? "; and " + (items.size() - MAX_LISTED) + " more" : "");
    }

    private static void listed(StringBuilder md, List<String> items) {
        items.stream().limit(100).forEach(item -> md.append("- ").append(item.replace("\n", " ")).append('\n'));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String machine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return Runtime.getRuntime().availableProcessors() + " cores, "
               + Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)) + " GiB RAM, "
               + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
               + System.getProperty("os.arch") + "), " + System.getProperty("java.vm.name") + " "
               + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
