package io.deploykit.emulator.bc.apps;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.deploykit.emulator.http.History;

/**
 * The apps of the environment and their operations, with the rules of {@code pteInstall}: the same id and version
 * is refused, every dependency must be installed at its minimum version, a PTE not installed yet may only be
 * scheduled {@code Immediate} or {@code UpdateWindow}, and an app has one scheduled version per schedule kind. An
 * immediate install runs for {@link #operationDuration} on the server's scheduler (no thread waits), then succeeds,
 * or fails when a failure was injected for the app; a deferred one stays {@code scheduled} until
 * {@link #runScheduled} plays the update window. Thread-safe: one lock guards everything.
 */
public final class Apps {

    static final Set<String> SCHEDULES = Set.of("Immediate", "UpdateWindow", "NextMinorUpdate", "NextMajorUpdate");

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final String tenantId;
    private final Map<String, InstalledApp> installed = new LinkedHashMap<>();
    private final Map<String, List<AppOperation>> operations = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final History<AppInstall> installs = new History<>();
    private Duration operationDuration = Duration.ofSeconds(2);
    private boolean held;
    private final List<AppOperation> heldBack = new ArrayList<>();

    public Apps(ScheduledExecutorService scheduler, Clock clock, String tenantId) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.tenantId = tenantId;
        // the Microsoft apps of a Business Central 27 environment, which every PTE depends on
        List.of(InstalledApp.global("63ca2fa4-4f03-4f2b-a480-172fef340d3f", "System Application", "27.1.38007.0"),
                InstalledApp.global("f3552374-a1f2-4356-848e-196002525837", "Business Foundation", "27.1.38007.0"),
                InstalledApp.global("437dbf0e-84ff-417a-965d-ed2bb9650972", "Base Application", "27.1.38007.0"),
                InstalledApp.global("c1335042-3002-4257-bf8a-75c898ccb1b8", "Application", "27.1.38007.0"))
                .forEach(app -> installed.put(key(app.id()), app));
    }

    /** How long an install or uninstall runs before it completes (2 seconds unless changed). */
    public synchronized void setOperationDuration(Duration duration) {
        this.operationDuration = duration;
    }

    /**
     * While held, running operations do not complete, however long they run (a test stops or kills a deploy while it
     * waits); released, the held ones complete at once.
     */
    public synchronized void holdOperations(boolean hold) {
        held = hold;
        if (!hold) {
            List<AppOperation> due = List.copyOf(heldBack);
            heldBack.clear();
            due.forEach(this::complete);
        }
    }

    /** The next install of this app fails with this error message; null removes the failure. */
    public synchronized void failNextInstall(String appId, String errorMessage) {
        if (errorMessage == null) {
            failures.remove(key(appId));
        } else {
            failures.put(key(appId), errorMessage);
        }
    }

    /** Every app file {@code pteInstall} accepted, in order. */
    public List<AppInstall> installs() {
        return installs.entries();
    }

    public synchronized List<InstalledApp> installed() {
        return List.copyOf(installed.values());
    }

    public synchronized Optional<InstalledApp> installed(String appId) {
        return Optional.ofNullable(installed.get(key(appId)));
    }

    synchronized List<AppOperation> operationsOf(String appId) {
        return List.copyOf(operations.getOrDefault(key(appId), List.of()));
    }

    synchronized List<AppOperation> scheduled() {
        return operations.values().stream().flatMap(List::stream)
                .filter(op -> op.status == AppOperation.Status.SCHEDULED).toList();
    }

    /** Accepts an uploaded app: an operation, running or scheduled. */
    synchronized AppOperation install(AppManifest app, String sha256, String schedule, String syncMode,
                                      String languageId, String createdBy) {
        InstalledApp current = installed.get(key(app.id()));
        if (current == null && !schedule.equals("Immediate") && !schedule.equals("UpdateWindow")) {
            throw AdminErrors.invalid("The app " + app.name() + " is not installed on the environment: a new per-tenant"
                                      + " extension can only be scheduled Immediate or UpdateWindow, not " + schedule);
        }
        boolean sameVersion = current != null && current.version().equals(app.version())
                              || operationsOf(app.id()).stream().anyMatch(op -> op.type.equals("install")
                                      && op.app.version().equals(app.version())
                                      && op.status != AppOperation.Status.FAILED
                                      && op.status != AppOperation.Status.CANCELED);
        if (sameVersion) {
            throw AdminErrors.invalid("An extension with same App ID and version has already been uploaded ("
                                      + app.name() + " " + app.version() + ")");
        }
        if (!schedule.equals("Immediate") && scheduled().stream().anyMatch(op -> op.app.id().equalsIgnoreCase(app.id())
                                                                              && op.scheduleKind.equals(schedule))) {
            throw AdminErrors.invalid("The app " + app.name() + " already has a version scheduled for " + schedule
                                      + "; remove it first with removeScheduledPteVersion");
        }
        List<AdminErrors.Requirement> missing = new ArrayList<>();
        for (AppManifest.Dependency dependency : app.dependencies()) {
            InstalledApp found = installed.get(key(dependency.id()));
            if (found == null || found.version().compareTo(dependency.minVersion()) < 0) {
                missing.add(new AdminErrors.Requirement(dependency.id(), dependency.name(), dependency.publisher(),
                        dependency.minVersion().toString(), found == null ? "install" : "update"));
            }
        }
        if (!missing.isEmpty()) {
            throw AdminErrors.requirements("The app " + app.name() + " " + app.version() + " needs apps that are not"
                                           + " installed at the version it requires", missing);
        }
        AppOperation operation = new AppOperation(UUID.randomUUID().toString(), "install", app,
                current == null ? "" : current.version().toString(), schedule, syncMode, languageId, createdBy,
                tenantId, clock.instant());
        operations.computeIfAbsent(key(app.id()), id -> new ArrayList<>()).add(operation);
        installs.add(new AppInstall(app.id(), app.version().toString(), operation.id, schedule, sha256,
                operation.createdOn));
        if (schedule.equals("Immediate")) {
            start(operation);
        } else {
            operation.status = AppOperation.Status.SCHEDULED;
        }
        return operation;
    }

    /** Plays the update window (and the next updates): every scheduled operation runs now. */
    public synchronized void runScheduled() {
        scheduled().forEach(this::start);
    }

    /** Cancels the scheduled version of an app: empty when there is none. */
    synchronized Optional<AppOperation> removeScheduled(String appId, String targetVersion, String scheduleKind,
                                                        String canceledBy) {
        Optional<AppOperation> found = scheduled().stream()
                .filter(op -> op.app.id().equalsIgnoreCase(appId) && op.targetVersion().equals(targetVersion)
                              && op.scheduleKind.equals(scheduleKind))
                .findFirst();
        found.ifPresent(op -> {
            op.status = AppOperation.Status.CANCELED;
            op.completedOn = clock.instant();
            op.canceledBy = canceledBy;
            op.errorMessage = "Removed by '" + canceledBy + "'";
        });
        return found;
    }

    /** The installed apps that depend on this one, directly or not. */
    synchronized List<InstalledApp> dependents(String appId) {
        List<InstalledApp> found = new ArrayList<>();
        collectDependents(key(appId), found);
        return found;
    }

    /** Starts an uninstall; with {@code withDependents}, of the apps that depend on it too. */
    synchronized AppOperation uninstall(String appId, boolean withDependents, String createdBy) {
        InstalledApp app = installed.get(key(appId));
        if (app == null) {
            throw AdminErrors.notFound("App with id '" + appId + "' is not installed on environment or the"
                                       + " environment does not exist.");
        }
        if (app.appType().equals("global")) {
            throw AdminErrors.invalid("The app " + app.manifest().name() + " cannot be uninstalled");
        }
        List<InstalledApp> dependents = dependents(appId);
        if (!dependents.isEmpty() && !withDependents) {
            throw AdminErrors.requirements("Apps that depend on " + app.manifest().name() + " must be uninstalled first",
                    dependents.stream().map(d -> new AdminErrors.Requirement(d.id(), d.manifest().name(),
                            d.manifest().publisher(), d.version().toString(), "uninstall")).toList());
        }
        AppOperation operation = new AppOperation(UUID.randomUUID().toString(), "uninstall", app.manifest(),
                app.version().toString(), "Immediate", "Add", "en-US", createdBy, tenantId, clock.instant());
        operations.computeIfAbsent(key(appId), id -> new ArrayList<>()).add(operation);
        start(operation);
        dependents.forEach(d -> installed.remove(key(d.id())));
        return operation;
    }

    private void collectDependents(String appKey, List<InstalledApp> found) {
        for (InstalledApp app : installed.values()) {
            boolean depends = app.manifest().dependencies().stream().anyMatch(d -> key(d.id()).equals(appKey));
            if (depends && !found.contains(app)) {
                found.add(app);
                collectDependents(key(app.id()), found);
            }
        }
    }

    private void start(AppOperation operation) {
        operation.status = AppOperation.Status.RUNNING;
        operation.startedOn = clock.instant();
        scheduler.schedule(() -> complete(operation), operationDuration.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void complete(AppOperation operation) {
        if (operation.status != AppOperation.Status.RUNNING) {
            return;
        }
        if (held) {
            heldBack.add(operation);
            return;
        }
        operation.completedOn = clock.instant();
        String appKey = key(operation.app.id());
        String failure = operation.type.equals("install") ? failures.remove(appKey) : null;
        if (failure != null) {
            operation.status = AppOperation.Status.FAILED;
            operation.errorMessage = failure;
            installed.computeIfPresent(appKey, (id, app) -> new InstalledApp(app.manifest(), app.appType(),
                    operation.id, "Failed"));
            return;
        }
        operation.status = AppOperation.Status.SUCCEEDED;
        if (operation.type.equals("uninstall")) {
            installed.remove(appKey);
        } else {
            installed.put(appKey, new InstalledApp(operation.app, "tenant", operation.id, "Succeeded"));
        }
    }

    private static String key(String appId) {
        return appId.toLowerCase(Locale.ROOT);
    }
}
