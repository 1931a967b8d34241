package io.deploykit.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.deploykit.emulator.bc.BcFaults;
import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;
import io.deploykit.emulator.http.Sha256;
import io.deploykit.emulator.reactor.ExtensionZips;

/**
 * Makes the files to drop, each with content of its own, and drops them: written beside the inbox, then moved in
 * at once (as an uploader that renames at the end). Most are RapidStart packages (a few reuse the code of an earlier
 * one that is gone from the inbox, so their deploy replaces its package), some item pictures (named after the item,
 * so one per item at a time in the inbox), some extension zips, a few apps (names and ids of their own) and a few
 * releases (zips of two packages of their own to two companies).
 */
final class Dropper {

    /** The items of the emulated company, whose pictures can be set. */
    static final List<String> ITEMS = List.of("1000", "1001", "1896-S", "1900-S", "1906-S");
    /** The applyError of the packages whose apply is made to fail. */
    static final String APPLY_ERROR = "soak: apply failure injected";
    /** How long before a kill or a stop its held package is dropped. */
    static final Duration HOLD_LEAD = Duration.ofSeconds(3);

    private static final double PICTURE_SHARE = 0.10;
    private static final double EXTENSION_SHARE = 0.10;
    private static final double APP_SHARE = 0.03;
    private static final double RELEASE_SHARE = 0.01;
    private static final double CODE_REUSE_SHARE = 0.05;
    /** The companies each release goes to, in the instances' environment. */
    static final List<String> RELEASE_COMPANIES = List.of(Services.COMPANY, "My Company");
    /** The suffixes of a release's two package codes, after its key: deployed in this order. */
    static final List<String> RELEASE_STEPS = List.of("-A", "-B");
    private static final AppManifest.Dependency BASE_APPLICATION = new AppManifest.Dependency(
            "437dbf0e-84ff-417a-965d-ed2bb9650972", "Base Application", "Microsoft", AppVersion.parse("27.0.0.0"));

    private final Path inbox;
    private final Path staging;
    private final DropLedger ledger;
    private final BcFaults bcFaults;
    private final Random random;
    private final List<Drop.Kind> plan = new ArrayList<>();
    private final Set<Integer> applyFailureAt = new HashSet<>();
    private final Set<Integer> stuckAt = new HashSet<>();
    private final Set<Integer> heldAt = new HashSet<>();
    private final Duration holdFor;
    /** The environment the releases go to: the instances' own. */
    private final String environment;
    private final ScheduledExecutorService releases = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "soak-job-holds");
        thread.setDaemon(true);
        return thread;
    });
    private int held;
    private int heldReleases;
    private final Map<Drop.Kind, Integer> counts = new EnumMap<>(Drop.Kind.class);
    private int nextItem;
    private int pictures;
    private int reusedCodes;
    private int picturesReplaced;

    /**
     * @param holdBefore the moments (from the first drop) before which a package whose jobs are held is dropped, so
     *                   that a kill or a stop then finds a deploy under way
     */
    Dropper(SoakSettings settings, Path inbox, Path staging, DropLedger ledger, BcFaults bcFaults, String environment,
            List<Duration> holdBefore) {
        this.environment = environment;
        this.holdFor = settings.holdFor();
        this.inbox = inbox;
        this.staging = staging;
        this.ledger = ledger;
        this.bcFaults = bcFaults;
        this.random = new Random(settings.seed());
        List<Integer> rapidStarts = new ArrayList<>();
        for (int seq = 1; seq <= settings.drops(); seq++) {
            double pick = random.nextDouble();
            Drop.Kind kind = pick < PICTURE_SHARE ? Drop.Kind.PICTURE
                    : pick < PICTURE_SHARE + EXTENSION_SHARE ? Drop.Kind.EXTENSION
                    : pick < PICTURE_SHARE + EXTENSION_SHARE + APP_SHARE ? Drop.Kind.APP
                    : pick < PICTURE_SHARE + EXTENSION_SHARE + APP_SHARE + RELEASE_SHARE ? Drop.Kind.RELEASE
                    : Drop.Kind.RAPIDSTART;
            plan.add(kind);
            if (kind == Drop.Kind.RAPIDSTART) {
                rapidStarts.add(seq);
            }
        }
        if (!plan.contains(Drop.Kind.APP) && !rapidStarts.isEmpty()) { // a small run drops an app all the same
            int seq = rapidStarts.remove(rapidStarts.size() / 2);
            plan.set(seq - 1, Drop.Kind.APP);
        }
        // the packages whose jobs are made to fail or stick, spread over the run
        int faulted = settings.applyFailures() + settings.stuckJobs();
        for (int i = 0; i < faulted && !rapidStarts.isEmpty(); i++) {
            int seq = rapidStarts.get((int) ((i + 0.5) * rapidStarts.size() / faulted));
            (i % 2 == 0 && applyFailureAt.size() < settings.applyFailures() || stuckAt.size() >= settings.stuckJobs()
                    ? applyFailureAt : stuckAt).add(seq);
        }
        // a held package a few seconds before each kill and stop: it is picked and waits for its import by then; at the
        // second and third strike of every four (a stop, then a kill) a held release instead, whose first step waits so
        long interval = settings.dropPhase().toNanos() / settings.drops();
        for (int strike = 0; strike < holdBefore.size(); strike++) {
            int wanted = (int) (holdBefore.get(strike).minus(HOLD_LEAD).toNanos() / interval) + 1;
            boolean release = strike % 4 == 1 || strike % 4 == 2;
            rapidStarts.stream().filter(seq -> seq >= wanted && !applyFailureAt.contains(seq) && !stuckAt.contains(seq))
                    .findFirst().ifPresent(seq -> {
                        heldAt.add(seq);
                        if (release) {
                            plan.set(seq - 1, Drop.Kind.RELEASE);
                        }
                    });
        }
        if (!plan.contains(Drop.Kind.RELEASE) && rapidStarts.size() > 1) { // a small run drops a release all the same
            plan.set(rapidStarts.get(rapidStarts.size() / 3) - 1, Drop.Kind.RELEASE);
        }
    }


    /** Drops file number {@code seq} (from 1). */
    Drop drop(int seq) throws IOException {
        Drop.Kind kind = plan.get(seq - 1);
        if (kind == Drop.Kind.PICTURE && freeItem() == null) {
            picturesReplaced++;
            kind = Drop.Kind.RAPIDSTART; // every item's last picture is still in the inbox
        }
        Drop drop = switch (kind) {
            case RAPIDSTART -> rapidStart(seq);
            case PICTURE -> picture(seq, freeItem());
            case EXTENSION -> extension(seq);
            case APP -> app(seq);
            case RELEASE -> release(seq);
        };
        counts.merge(drop.kind, 1, Integer::sum);
        return drop;
    }

    private Drop rapidStart(int seq) throws IOException {
        String name = String.format(Locale.ROOT, "soak-%05d.rapidstart", seq);
        Drop.Expected expected = applyFailureAt.contains(seq) ? Drop.Expected.APPLY_FAILURE
                : stuckAt.contains(seq) ? Drop.Expected.JOB_TIMEOUT : Drop.Expected.DONE;
        Drop reused = expected == Drop.Expected.DONE && random.nextDouble() < CODE_REUSE_SHARE ? codeToReuse() : null;
        String code = reused != null ? reused.key : String.format(Locale.ROOT, "SOAK-%05d", seq); // at most 20 characters
        if (expected == Drop.Expected.APPLY_FAILURE) {
            bcFaults.applyFailure(code, APPLY_ERROR);
        } else if (expected == Drop.Expected.JOB_TIMEOUT) {
            bcFaults.stickJobsOf(code, true); // released once the file is in .error
        }
        boolean hold = expected == Drop.Expected.DONE && heldAt.contains(seq);
        if (hold) {
            bcFaults.stickJobsOf(code, true);
            releases.schedule(() -> bcFaults.stickJobsOf(code, false), holdFor.toMillis(), TimeUnit.MILLISECONDS);
            held++;
        }
        if (reused != null) {
            reusedCodes++;
        }
        Path file = staging.resolve(name);
        RapidStartFiles.write(file, code, "Soak drop " + seq, 1 + seq % 3, 2 + seq % 4);
        return place(seq, Drop.Kind.RAPIDSTART, name, code, file, expected, hold);
    }

    /** A code of an earlier package that was deployed and whose code no file in the inbox uses now. */
    private Drop codeToReuse() {
        List<Drop> all = ledger.all();
        Set<String> inUse = new HashSet<>();
        all.stream().filter(d -> !d.settled()).forEach(d -> inUse.add(d.key));
        List<Drop> candidates = all.stream()
                .filter(d -> d.kind == Drop.Kind.RAPIDSTART && d.expected == Drop.Expected.DONE && !d.held
                             && d.outcome() == Drop.Outcome.DONE && !inUse.contains(d.key))
                .toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private String freeItem() {
        for (int i = 0; i < ITEMS.size(); i++) {
            String item = ITEMS.get((nextItem + i) % ITEMS.size());
            if (ledger.nameFree(Drop.Kind.PICTURE, item + ".png")) {
                return item;
            }
        }
        return null;
    }

    private Drop picture(int seq, String item) throws IOException {
        nextItem = (ITEMS.indexOf(item) + 1) % ITEMS.size();
        int n = pictures++;
        Path file = staging.resolve(item + ".png");
        Files.write(file, Images.png(16 + n % 64, 16 + n / 64)); // a size of its own: content of its own
        return place(seq, Drop.Kind.PICTURE, item + ".png", item, file, Drop.Expected.DONE, false);
    }

    private Drop extension(int seq) throws IOException {
        String name = String.format(Locale.ROOT, "soak-ext-%05d", seq);
        Path file = staging.resolve(name + ".zip");
        ExtensionZips.write(file, name, "1.0." + seq, "web");
        return place(seq, Drop.Kind.EXTENSION, name + ".zip", name, file, Drop.Expected.DONE, false);
    }

    /** An app of its own (a new id), on Base Application, as AL's compiler names its file. */
    private Drop app(int seq) throws IOException {
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        String name = String.format(Locale.ROOT, "soak-app-%05d", seq);
        AppManifest manifest = new AppManifest(id, name, "DeployKit Soak", AppVersion.parse("1.0." + seq + ".0"),
                List.of(BASE_APPLICATION));
        Path file = AppFile.write(staging.resolve(name + ".app"), manifest);
        return place(seq, Drop.Kind.APP, name + ".app", id, file, Drop.Expected.DONE, false);
    }

    /**
     * A release of two packages of its own ({@code <key>-A}, then {@code <key>-B}) to both companies; held, its first
     * package's jobs wait, so a kill or a stop finds it mid-release.
     */
    private Drop release(int seq) throws IOException {
        String key = String.format(Locale.ROOT, "SOAK-%05d", seq);
        String name = String.format(Locale.ROOT, "soak-release-%05d.zip", seq);
        boolean hold = heldAt.contains(seq);
        if (hold) {
            String first = key + RELEASE_STEPS.get(0);
            bcFaults.stickJobsOf(first, true);
            releases.schedule(() -> bcFaults.stickJobsOf(first, false), holdFor.toMillis(), TimeUnit.MILLISECONDS);
            heldReleases++;
        }
        StringBuilder manifest = new StringBuilder("release: soak-release-" + seq + "\nsteps:\n");
        Map<String, String> packages = new java.util.LinkedHashMap<>();
        Path zip = staging.resolve(name);
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String step : RELEASE_STEPS) {
                String code = key + step;
                Path file = RapidStartFiles.write(staging.resolve(code + ".rapidstart"), code, "Soak release " + seq, 1,
                        2 + seq % 3).file();
                packages.put(code, Sha256.of(file));
                manifest.append("  - configurationPackage: ").append(code).append(".rapidstart\n");
                out.putNextEntry(new java.util.zip.ZipEntry(code + ".rapidstart"));
                Files.copy(file, out);
                Files.delete(file);
            }
            manifest.append("waves:\n  - name: production\n    targets:\n      - environment: ").append(environment)
                    .append("\n        companies: [")
                    .append(String.join(", ", RELEASE_COMPANIES.stream().map(c -> "\"" + c + "\"").toList()))
                    .append("]\n");
            out.putNextEntry(new java.util.zip.ZipEntry("release.yaml"));
            out.write(manifest.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return place(seq, Drop.Kind.RELEASE, name, key, zip, Drop.Expected.DONE, hold, packages);
    }

    private Drop place(int seq, Drop.Kind kind, String name, String key, Path staged, Drop.Expected expected,
                       boolean hold) throws IOException {
        return place(seq, kind, name, key, staged, expected, hold, Map.of());
    }

    private Drop place(int seq, Drop.Kind kind, String name, String key, Path staged, Drop.Expected expected,
                       boolean hold, Map<String, String> releasePackages) throws IOException {
        String sha256 = Sha256.of(staged);
        Path target = inbox.resolve(kind.folder).resolve(name);
        Drop drop = new Drop(seq, kind, name, key, sha256, expected, Instant.now(), hold, releasePackages);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        ledger.add(drop); // after it appeared: the watcher takes a file not in the inbox for one that left it
        return drop;
    }

    Map<Drop.Kind, Integer> counts() {
        return counts;
    }

    int reusedCodes() {
        return reusedCodes;
    }

    /** Pictures planned that became RapidStart packages: every item's picture was still in the inbox. */
    int picturesReplaced() {
        return picturesReplaced;
    }

    /** Packages whose jobs were held for a while (less than the timeout), to be deployed all the same. */
    int held() {
        return held;
    }

    /** Releases whose first step's jobs were held so, for a kill or a stop to hit mid-release. */
    int heldReleases() {
        return heldReleases;
    }

    /**
     * Lets every held or stuck job go on at once (a stuck package's jobs are released as its file reaches .error; this
     * catches any that did not); stops the releases' scheduler.
     */
    void releaseAll() {
        releases.shutdownNow();
        for (Drop drop : ledger.all()) {
            if (drop.held || drop.expected == Drop.Expected.JOB_TIMEOUT) {
                bcFaults.stickJobsOf(drop.key, false);
                drop.releasePackages.keySet().forEach(code -> bcFaults.stickJobsOf(code, false));
            }
        }
    }

    int applyFailuresPlanned() {
        return applyFailureAt.size();
    }

    int stuckJobsPlanned() {
        return stuckAt.size();
    }
}
