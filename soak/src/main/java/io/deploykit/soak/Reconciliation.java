package io.deploykit.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.deploykit.emulator.bc.PictureUpdate;
import io.deploykit.emulator.bc.pictures.PictureSnapshot;

/**
 * Once the inbox is empty and the instances stopped: every dropped file against where it went and against what the
 * services received, by content (the SHA-256 of the file as the services stored it); then what was left behind.
 */
final class Reconciliation {

    private static final int EVIDENCE_LINES = 40;

    private Reconciliation() {
    }

    static void reconcile(SoakResult result, SoakSettings settings, Path inbox, Services services, DropLedger ledger,
                          Dropper dropper, FaultInjector faults, Cluster cluster) {
        List<Drop> drops = ledger.all();
        result.drops.putAll(dropper.counts());
        result.reusedCodes = dropper.reusedCodes();
        result.held = dropper.held();
        result.heldReleases = dropper.heldReleases();
        result.picturesReplaced = dropper.picturesReplaced();
        result.applyFailuresPlanned = dropper.applyFailuresPlanned();
        result.stuckJobsPlanned = dropper.stuckJobsPlanned();
        result.events = cluster.events();
        result.instancesStarted = cluster.all().size();
        cluster.problems().forEach(result::problem);
        faults.problems().forEach(problem -> result.problem("injecting a fault: " + problem));

        faultFigures(result, services, faults);
        outcomes(result, drops, inbox);
        deploys(result, drops, services, cluster);
        leftovers(result, drops, inbox, settings.work().toAbsolutePath(), services, cluster);
        logFigures(result, cluster);
    }

    private static void faultFigures(SoakResult result, Services services, FaultInjector faults) {
        for (FaultInjector.Slot slot : faults.slots()) {
            result.faultRows.add(new SoakResult.FaultRow(slot.service, slot.kind, slot.target, slot.injected()));
        }
        result.httpFaultsCounted = result.faultRows.stream().mapToLong(SoakResult.FaultRow::injected).sum();
        result.httpFaultsInjected = services.bc.faults().injectedCount() + services.reactor.faults().injectedCount();
        result.bcRequests = services.bc.requestCounts().values().stream().mapToLong(Long::longValue).sum();
        result.reactorRequests = services.reactor.requestCounts().values().stream().mapToLong(Long::longValue).sum();
        result.tokenExpiries = faults.tokenExpiries();
        result.unauthorizedAnswers = faults.unauthorizedAnswers();
        result.processingFailuresInjected = faults.processingFailures();
        result.processingHolds = faults.processingHolds();
        result.databaseOutages = faults.databaseOutages();
        result.databaseDown = faults.databaseDown();
        if (result.databaseOutages != 1) {
            result.problem("the database was to be stopped once mid-run, was stopped " + result.databaseOutages + " times");
        }
        if (result.httpFaultsInjected != result.httpFaultsCounted) {
            result.problem("the emulators counted " + result.httpFaultsInjected + " injected faults, the slots "
                           + result.httpFaultsCounted);
        }
    }

    private static void outcomes(SoakResult result, List<Drop> drops, Path inbox) {
        Map<String, Long> reasons = new TreeMap<>();
        for (Drop drop : drops) {
            if (!drop.settled()) {
                result.leftInInbox.add(drop.describe());
                result.evidence.add("still in the inbox: " + drop.describe());
                continue;
            }
            switch (drop.outcome()) {
                case DONE -> result.done.merge(drop.kind, 1, Integer::sum);
                case ERROR -> {
                    result.error.merge(drop.kind, 1, Integer::sum);
                    if (drop.noteMissing()) {
                        result.errorWithoutNote.add(drop.describe());
                    } else {
                        reasons.merge(reasonGroup(drop), 1L, Long::sum);
                    }
                }
                case LOST -> result.lost.add(drop.describe() + ": " + drop.outcomeDetail());
            }
            String reason = Objects.requireNonNullElse(drop.reason(), "");
            boolean failed = drop.outcome() == Drop.Outcome.ERROR;
            switch (drop.expected) {
                case APPLY_FAILURE -> {
                    if (failed && reason.contains(Dropper.APPLY_ERROR)) {
                        result.applyFailuresSeen++;
                    } else {
                        result.expectationsMissed.add(drop.describe() + ": its apply was made to fail, yet it is "
                                                      + drop.outcome() + (failed ? " (" + reason + ")" : ""));
                    }
                }
                case JOB_TIMEOUT -> {
                    if (failed && reason.contains("JobTimeoutException")) {
                        result.jobTimeoutsSeen++;
                    } else {
                        result.expectationsMissed.add(drop.describe() + ": its jobs were stuck past the timeout, yet"
                                                      + " it is " + drop.outcome() + (failed ? " (" + reason + ")" : ""));
                    }
                }
                case DONE -> {
                    if (failed && reason.contains(FaultInjector.PROCESSING_FAILURE)) {
                        result.processingFailuresSeen++;
                    } else if (failed) { // nothing was injected to make it fail: a failure of the product
                        result.unexpectedFailures.add(drop.describe() + " (" + reason + ")");
                    }
                }
            }
        }
        result.reasons = reasons;

        // each file is still where it settled: nothing in .done or .error replaces an earlier file of the same name
        for (Drop drop : drops) {
            Path where = drop.settled() ? drop.settledIn() : null;
            if (where != null && !drop.sha256.equals(Hashes.sha256IfExists(where))) {
                result.lost.add(drop.describe() + ": it was in " + inbox.relativize(where) + " once it left the inbox,"
                                + " and is not any more");
            }
        }

        List<Duration> times = drops.stream().map(Drop::timeInInbox).filter(Objects::nonNull).sorted().toList();
        if (!times.isEmpty()) {
            result.medianInInbox = times.get(times.size() / 2);
            result.p95InInbox = times.get(Math.min(times.size() - 1, (int) Math.ceil(times.size() * 0.95) - 1));
            result.maxInInbox = times.get(times.size() - 1);
        }
    }

    /** The reason of a failure, without what differs from file to file (codes, names, ids, numbers). */
    static String reasonGroup(Drop drop) {
        String reason = Objects.requireNonNullElse(drop.reason(), "unknown");
        String group = reason
                .replaceAll("https?://[^/\\s]+(/[^?\\s]*)(\\?\\S*)?", "$1")
                .replaceAll("SOAK-\\d{5}", "<code>")
                .replaceAll("soak-(ext-)?\\d{5}(\\.\\w+)?", "<file>")
                .replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<id>")
                .replaceAll("\\b[A-Z]{0,3}[0-9a-fA-F]{16,}\\b", "<id>")
                .replaceAll("PT[0-9.]+S", "<duration>")
                .replaceAll("\\d+(\\.\\d+)*", "#")
                .replaceAll("^[a-z]+(\\.[a-z0-9]+)+\\.", "");
        return drop.kind.folder + ": " + (group.length() > 200 ? group.substring(0, 200) + "…" : group);
    }

    private static void deploys(SoakResult result, List<Drop> drops, Services services, Cluster cluster) {
        Map<String, Long> applies = count(services.bc.applies().stream(), a -> a.packageCode() + "|" + a.sha256());
        Map<String, Long> imports = count(services.bc.imports().stream(), i -> i.packageCode() + "|" + i.sha256());
        Map<String, List<PictureUpdate>> pictures = services.bc.pictureUpdates().stream()
                .collect(Collectors.groupingBy(PictureUpdate::sha256));
        Map<String, Long> uploads = count(services.reactor.uploads().stream(), u -> u.name() + "|" + u.sha256());
        Map<String, Long> releases = count(services.reactor.releases().stream(), r -> String.valueOf(r.name()));
        Map<String, Long> installs = count(services.bc.apps().installs().stream(), i -> i.appId() + "|" + i.sha256());
        // a release's steps: once per company, so counted per package code, company and content
        Map<String, Long> appliesPerCompany = count(services.bc.applies().stream(),
                a -> a.packageCode() + "|" + a.companyId() + "|" + a.sha256());
        Map<String, Long> importsPerCompany = count(services.bc.imports().stream(),
                i -> i.packageCode() + "|" + i.companyId() + "|" + i.sha256());
        List<String> releaseCompanies = Dropper.RELEASE_COMPANIES.stream().map(c -> services.bc.company(c).id()).toList();
        result.maxInstallsPerAppVersion = count(services.bc.apps().installs().stream(),
                i -> i.appId() + "|" + i.version()).values().stream().mapToInt(Long::intValue).max().orElse(0);
        Map<String, String> itemIds = itemIds(services);
        Map<String, List<String>> reactorStatuses = services.reactor.packages().stream().filter(p -> p.name() != null)
                .collect(Collectors.groupingBy(p -> p.name(), Collectors.mapping(p -> p.status(), Collectors.toList())));

        Set<String> knownPackages = new HashSet<>();
        Set<String> knownPictures = new HashSet<>();
        Set<String> knownUploads = new HashSet<>();
        Set<String> knownInstalls = new HashSet<>();
        for (Drop drop : drops) {
            int deploys;
            String what;
            int related = -1; // imports of a package, releases of an extension
            String relatedWhat = null;
            switch (drop.kind) {
                case RAPIDSTART -> {
                    String key = drop.key + "|" + drop.sha256;
                    knownPackages.add(key);
                    deploys = applies.getOrDefault(key, 0L).intValue();
                    what = "applied";
                    related = imports.getOrDefault(key, 0L).intValue();
                    relatedWhat = "imported";
                    result.maxImportsPerFile = Math.max(result.maxImportsPerFile, related);
                }
                case PICTURE -> {
                    knownPictures.add(drop.sha256);
                    List<PictureUpdate> updates = pictures.getOrDefault(drop.sha256, List.of());
                    deploys = updates.size();
                    what = "stored as the item's picture";
                    String itemId = itemIds.get(drop.key);
                    updates.stream().filter(u -> !"items".equals(u.parentType()) || itemId != null && !itemId.equals(u.parentId()))
                            .forEach(u -> result.unknownDeploys.add(drop.describe() + " was stored as the picture of "
                                                                    + u.parentType() + " " + u.parentId()));
                }
                case EXTENSION -> {
                    String key = drop.key + "|" + drop.sha256;
                    knownUploads.add(key);
                    deploys = uploads.getOrDefault(key, 0L).intValue();
                    what = "uploaded";
                    related = releases.getOrDefault(drop.key, 0L).intValue();
                    relatedWhat = "released";
                    result.maxReleasesPerFile = Math.max(result.maxReleasesPerFile, related);
                    if (reactorStatuses.getOrDefault(drop.key, List.of()).contains("failed")) {
                        // its package's processing failed: the file belongs in .error, for that reason
                        if (drop.outcome() == Drop.Outcome.DONE) {
                            result.doneButFailed.add(drop.describe() + ": its extension package's processing failed");
                            evidence(result, drop.describe() + " is in .done, its processing failed", drop, cluster);
                        } else if (drop.outcome() == Drop.Outcome.ERROR
                                   && !String.valueOf(drop.reason()).contains("ReactorPackageFailedException")) {
                            result.expectationsMissed.add(drop.describe() + ": its processing failed, yet its note says "
                                                          + drop.reason());
                        }
                    }
                }
                case APP -> {
                    String key = drop.key + "|" + drop.sha256;
                    knownInstalls.add(key);
                    deploys = installs.getOrDefault(key, 0L).intValue();
                    what = "installed (pteInstall accepted)";
                }
                case RELEASE -> {
                    // deploys: the most applies of one step on one company; related: the fewest (each must be 1)
                    int most = 0;
                    int fewest = Integer.MAX_VALUE;
                    for (Map.Entry<String, String> pkg : drop.releasePackages.entrySet()) {
                        knownPackages.add(pkg.getKey() + "|" + pkg.getValue());
                        for (String company : releaseCompanies) {
                            String key = pkg.getKey() + "|" + company + "|" + pkg.getValue();
                            int applied = appliesPerCompany.getOrDefault(key, 0L).intValue();
                            most = Math.max(most, applied);
                            fewest = Math.min(fewest, applied);
                            result.maxImportsPerFile = Math.max(result.maxImportsPerFile,
                                    importsPerCompany.getOrDefault(key, 0L).intValue());
                            result.releaseStepTargets++;
                        }
                    }
                    result.maxRunsPerReleaseStep = Math.max(result.maxRunsPerReleaseStep, most);
                    deploys = most;
                    what = "applied at most (per step and company)";
                    related = Math.min(fewest, 1); // more than once shows in deploys
                    relatedWhat = "every step on every company at least";
                }
                default -> throw new IllegalStateException("unknown kind " + drop.kind);
            }
            result.maxDeploysPerFile = Math.max(result.maxDeploysPerFile, deploys);
            String counts = what + " " + deploys + " time(s)" + (relatedWhat == null ? "" : ", " + relatedWhat + " "
                                                                                       + related + " time(s)");
            if (deploys > 1 || related > 1) {
                String text = drop.describe() + ": " + counts + "; it is in " + drop.outcome();
                result.deployedMoreThanOnce.add(text);
                evidence(result, text, drop, cluster);
            }
            if (drop.outcome() == Drop.Outcome.DONE && (deploys == 0 || related == 0)) {
                String text = drop.describe() + ": " + counts;
                result.doneButNotDeployed.add(text);
                evidence(result, text, drop, cluster);
            }
            if (drop.outcome() == Drop.Outcome.LOST || !drop.settled() || drop.noteMissing()) {
                evidence(result, drop.describe() + " is " + (drop.settled() ? drop.outcome() : "still in the inbox"),
                        drop, cluster);
            }
        }
        applies.keySet().stream().filter(key -> !knownPackages.contains(key))
                .forEach(key -> result.unknownDeploys.add("an apply of package|sha256 " + key));
        imports.keySet().stream().filter(key -> !knownPackages.contains(key))
                .forEach(key -> result.unknownDeploys.add("an import of package|sha256 " + key));
        pictures.keySet().stream().filter(sha -> !knownPictures.contains(sha))
                .forEach(sha -> result.unknownDeploys.add("a picture with sha256 " + sha));
        uploads.keySet().stream().filter(key -> !knownUploads.contains(key))
                .forEach(key -> result.unknownDeploys.add("an upload of extension|sha256 " + key));
        installs.keySet().stream().filter(key -> !knownInstalls.contains(key))
                .forEach(key -> result.unknownDeploys.add("an install of app|sha256 " + key));
    }

    /** The id of each item that has a picture now. */
    private static Map<String, String> itemIds(Services services) {
        Map<String, String> ids = new HashMap<>();
        String company = services.companyId();
        for (String item : Dropper.ITEMS) {
            Optional<PictureSnapshot> picture = services.bc.pictureOf(company, "items", item);
            picture.ifPresent(p -> ids.put(item, p.parentId()));
        }
        return ids;
    }

    private static <T> Map<String, Long> count(Stream<T> items, Function<T, String> key) {
        return items.collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    /** The instances' log lines about the file, for the report of a violation. */
    private static void evidence(SoakResult result, String what, Drop drop, Cluster cluster) {
        List<String> lines = new ArrayList<>();
        for (Instance instance : cluster.all()) {
            lines.addAll(instance.linesMentioning(drop.name));
            if (drop.kind == Drop.Kind.RAPIDSTART) {
                lines.addAll(instance.linesMentioning(drop.key + " ").stream()
                        .filter(line -> !line.contains(drop.name)).toList());
            }
        }
        lines.sort(Comparator.comparing(line -> line.substring(line.indexOf(": ") + 2)));
        result.evidence.add("== " + what + "\n" + String.join("\n",
                lines.subList(0, Math.min(lines.size(), EVIDENCE_LINES))));
    }

    private static void leftovers(SoakResult result, List<Drop> drops, Path inbox, Path work, Services services,
                                  Cluster cluster) {
        Set<String> folders = Stream.of(Drop.Kind.values()).map(kind -> kind.folder).collect(Collectors.toSet());
        for (Path entry : list(inbox)) {
            String name = entry.getFileName().toString();
            if (!folders.contains(name)) {
                result.inboxLeftovers.add(inbox.relativize(entry).toString());
            }
        }
        for (Drop.Kind kind : Drop.Kind.values()) {
            Path folder = inbox.resolve(kind.folder);
            // a file keeps its name in .done/.error unless an earlier one had it; then it is stamped (name.<UTC time>)
            Set<String> names = drops.stream().filter(d -> d.kind == kind)
                    .flatMap(d -> d.settledIn() == null ? Stream.of(d.name)
                            : Stream.of(d.name, d.settledIn().getFileName().toString()))
                    .collect(Collectors.toSet());
            for (Path entry : list(folder)) {
                String name = entry.getFileName().toString();
                if (!name.equals(".done") && !name.equals(".error")) {
                    result.inboxLeftovers.add(inbox.relativize(entry).toString());
                }
            }
            for (Path entry : list(folder.resolve(".done"))) {
                if (!names.contains(entry.getFileName().toString()) && !isReportOf(entry, names)) {
                    result.inboxLeftovers.add(inbox.relativize(entry).toString());
                }
            }
            for (Path entry : list(folder.resolve(".error"))) {
                String name = entry.getFileName().toString();
                if (isReportOf(entry, names)) {
                    continue; // a failed release's report, beside it with its note
                }
                if (name.endsWith(".error.txt")) {
                    String failed = name.substring(0, name.length() - ".error.txt".length());
                    if (!Files.exists(entry.resolveSibling(failed))) {
                        result.orphanNotes.add(inbox.relativize(entry).toString());
                    }
                } else if (!names.contains(name)) {
                    result.inboxLeftovers.add(inbox.relativize(entry).toString());
                } else if (!Files.exists(entry.resolveSibling(name + ".error.txt"))) {
                    result.errorWithoutNote.add(inbox.relativize(entry) + " (no note beside it at the end)");
                }
            }
        }
        result.locksAtEnd = services.lockRows();
        result.stateRows = services.stateRows();
        for (Instance instance : cluster.all()) {
            try (Stream<Path> files = Files.walk(instance.tmp)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().startsWith("deploykit-")
                                     && f.getFileName().toString().endsWith(".upload"))
                        .forEach(f -> result.tmpLeftovers.add(work.relativize(f) + " (" + instance.end() + ")"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A release's report, written beside the release it moved with: {@code <name>.report.md} or {@code .json}. */
    private static boolean isReportOf(Path entry, Set<String> names) {
        String name = entry.getFileName().toString();
        for (String suffix : List.of(".report.md", ".report.json")) {
            if (name.endsWith(suffix) && names.contains(name.substring(0, name.length() - suffix.length()))
                && Files.exists(entry.resolveSibling(name.substring(0, name.length() - suffix.length())))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void logFigures(SoakResult result, Cluster cluster) {
        for (Instance instance : cluster.all()) {
            List<String> lines = instance.lines();
            result.picks += lines.stream().filter(l -> l.contains("Picked ")).count();
            result.resumes += lines.stream().filter(l -> l.contains("Resuming the")).count();
            result.ambiguousAnswers += lines.stream().filter(l -> l.contains("got no clear answer")).count();
            result.notSentAgain += lines.stream().filter(l -> l.contains("not sent again")
                                                              || l.contains("before the answer was lost")).count();
            // a stop rolls the file's exchange back: the file stays in the inbox for the next try
            result.interrupted += lines.stream().filter(l -> l.contains("Rollback file strategy")).count();
        }
    }
}
