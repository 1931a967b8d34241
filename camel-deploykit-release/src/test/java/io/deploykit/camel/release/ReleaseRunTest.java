package io.deploykit.camel.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.journal.DirectoryStateRepository;
import io.deploykit.camel.release.run.Approvals;
import io.deploykit.camel.release.run.ReleaseReport;
import io.deploykit.camel.release.run.ReleaseRunner;
import io.deploykit.camel.release.run.UnitResult;
import io.deploykit.emulator.bc.AppliedPackage;
import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.reactor.ReactorEmulator;

/** Releases run over real HTTP against the emulated Business Central (two companies) and Adobe Tags. */
class ReleaseRunTest {

    private static final String CRONUS = EmulatedServices.CRONUS;
    private static final String MY_COMPANY = EmulatedServices.MY_COMPANY;
    private static final String MANIFEST = """
            release: contoso-2026.12
            steps:
              - app: apps
              - configurationPackage: packages/SETUP.rapidstart
              - configurationPackage: packages/CUSTOMERS.rapidstart
              - pictures: pictures
                parentType: items
              - extension: extensions/contoso-tags.zip
                releasePrivate: true
            waves:
              - name: first
                targets:
                  - environment: production
                    companies: ["CRONUS USA, Inc."]
              - name: second
                targets:
                  - environment: production
                    companies: [My Company]
            """;

    @TempDir
    Path dir;
    private EmulatedServices services;
    private BcEmulator bc;
    private ReactorEmulator reactor;
    private DefaultCamelContext camel;
    private final java.util.concurrent.ScheduledExecutorService gates =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() {
        services = new EmulatedServices();
        bc = services.bc;
        reactor = services.reactor;
        camel = services.camel;
        camel.start();
    }

    @AfterEach
    void stop() {
        gates.shutdownNow();
        services.close();
    }

    private ReleaseReport run(Path folder, DeployJournal journal, boolean redo) throws Exception {
        try (ReleaseBundle bundle = ReleaseBundle.open(folder);
             ReleaseRunner runner = new ReleaseRunner(camel, journal, new Approvals(journal, gates,
                     Duration.ofMillis(50), Clock.systemUTC()), redo, Clock.systemUTC())) {
            return runner.run(ReleaseValidator.validate(bundle)).get(60, TimeUnit.SECONDS);
        }
    }

    private DeployJournal journal() {
        DirectoryStateRepository states = new DirectoryStateRepository(dir.resolve("states"));
        states.start();
        return new DeployJournal(states, "release", Clock.systemUTC());
    }

    @Test
    void eachStepRunsInOrderOncePerScopeWaveAfterWave() throws Exception {
        Path folder = Releases.folder(dir.resolve("release"), MANIFEST);

        ReleaseReport report = run(folder, journal(), false);

        assertTrue(report.succeeded(), report::toMarkdown);
        // the apps once for the environment, the library first; the second wave's app step is the first's
        assertEquals(List.of("Library", "Setup"), bc.apps().installs().stream()
                .map(install -> bc.apps().installed(install.appId()).orElseThrow().manifest().name()).toList());
        UnitResult secondApps = report.units().stream().filter(u -> u.unit().wave().equals("second")
                                                                    && u.unit().step().number() == 1).findFirst().orElseThrow();
        assertEquals(UnitResult.Outcome.SKIPPED, secondApps.outcome());
        assertTrue(secondApps.detail().contains("run once for bc/production (by wave first"), secondApps.detail());
        // the packages once per company, in the listed order, after the apps
        for (String company : List.of(CRONUS, MY_COMPANY)) {
            String id = bc.company(company).id();
            List<AppliedPackage> applies = bc.applies().stream().filter(a -> a.companyId().equals(id)).toList();
            assertEquals(List.of("SETUP", "CUSTOMERS"), applies.stream().map(AppliedPackage::packageCode).toList(),
                    company);
            assertTrue(applies.get(0).at().isAfter(bc.apps().installs().get(1).at()), "after the apps");
            assertEquals(3, bc.pictureUpdates().stream().filter(p -> p.companyId().equals(id)).count(), company);
        }
        // the extension once per release, released to private
        assertEquals(1, reactor.uploads().size());
        assertEquals(1, reactor.releases().size());
        assertEquals(Map.of(UnitResult.Outcome.DONE, 8L, UnitResult.Outcome.SKIPPED, 2L),
                report.units().stream().collect(Collectors.groupingBy(UnitResult::outcome, Collectors.counting())));
        String markdown = report.toMarkdown();
        assertTrue(markdown.contains("| first | bc/production/CRONUS USA, Inc. |"), markdown);
        assertTrue(report.toJson().contains("\"outcome\" : \"SUCCEEDED\""), report.toJson());
    }

    @Test
    void aTargetStopsAtItsFirstFailureTheWavesAfterItDoNotRunAndTheNextRunContinues() throws Exception {
        Path folder = Releases.folder(dir.resolve("release"), MANIFEST);
        bc.faults().applyFailure("CUSTOMERS", "The customer posting group DOMESTIC does not exist");
        DeployJournal journal = journal();

        ReleaseReport failed = run(folder, journal, false);

        assertFalse(failed.succeeded());
        assertEquals(List.of("first DONE", "first DONE", "first FAILED", "first NOT_RUN", "first NOT_RUN",
                        "second NOT_RUN", "second NOT_RUN", "second NOT_RUN", "second NOT_RUN", "second NOT_RUN"),
                failed.units().stream().map(u -> u.unit().wave() + " " + u.outcome()).toList(), failed::toMarkdown);
        assertTrue(failed.units().get(2).detail().contains("DOMESTIC does not exist"), failed.units().get(2).detail());
        assertTrue(failed.units().get(5).detail().contains("wave first failed on bc/production"),
                failed.units().get(5).detail());
        assertEquals(0, bc.applies().stream().filter(a -> a.companyId().equals(bc.company(MY_COMPANY).id())).count(),
                "nothing reached the second wave's company");
        assertEquals(0, reactor.uploads().size(), "the extension comes after the failed step");
        assertTrue(failed.toMarkdown().contains("**failed**"), failed.toMarkdown());

        bc.faults().clear();
        ReleaseReport continued = run(folder, journal, false);

        assertTrue(continued.succeeded(), continued::toMarkdown);
        assertEquals(List.of("first SKIPPED", "first SKIPPED", "first DONE", "first DONE", "first DONE"),
                continued.units().stream().limit(5).map(u -> u.unit().wave() + " " + u.outcome()).toList());
        assertTrue(continued.units().get(1).detail().startsWith("done in an earlier run"), continued.units().get(1).detail());
        String cronus = bc.company(CRONUS).id();
        assertEquals(1, bc.applies().stream().filter(a -> a.companyId().equals(cronus) && a.packageCode().equals("SETUP"))
                .count(), "SETUP applied once over both runs");
        assertEquals(2, bc.apps().installs().size(), "each app installed once over both runs");
    }

    @Test
    void aReleaseWhoseJournalCannotBeReachedStaysForItsNextRunInsteadOfFailing() throws Exception {
        Path folder = Releases.folder(dir.resolve("release"), MANIFEST);
        DirectoryStateRepository states = new DirectoryStateRepository(dir.resolve("states"));
        states.start();
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        DeployJournal journal = new DeployJournal(new org.apache.camel.spi.StateRepository<String, String>() {
            @Override
            public void setState(String key, String value) {
                reachable();
                states.setState(key, value);
            }

            @Override
            public String getState(String key) {
                reachable();
                return states.getState(key);
            }

            private void reachable() {
                if (down.get()) {
                    throw new IllegalStateException("FATAL: terminating connection due to administrator command");
                }
            }

            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }
        }, "release", Clock.systemUTC());

        java.util.concurrent.ExecutionException outage = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> run(folder, journal, false),
                "not a report of failed steps: the steps did not fail, their progress could not be read");
        assertTrue(io.deploykit.camel.core.support.Failures.unwrap(outage)
                instanceof io.deploykit.camel.core.error.JournalUnavailableException, outage::toString);
        assertEquals(0, bc.apps().installs().size(), "nothing sent without knowing what was done");

        down.set(false);
        ReleaseReport report = run(folder, journal, false);
        assertTrue(report.succeeded(), report::toMarkdown);
        assertEquals(2, bc.apps().installs().size(), "each app installed once");
    }

    @Test
    void aRedoRunsEveryStepAgain() throws Exception {
        // apps and extensions of a version the service has are refused or skipped by the service itself
        Path folder = Releases.folder(dir.resolve("release"), MANIFEST.replace("  - app: apps\n", "")
                .replace("  - extension: extensions/contoso-tags.zip\n    releasePrivate: true\n", ""));
        DeployJournal journal = journal();
        assertTrue(run(folder, journal, false).succeeded());

        ReleaseReport again = run(folder, journal, false);
        ReleaseReport redone = run(folder, journal, true);

        assertEquals(6, again.count(UnitResult.Outcome.SKIPPED), again::toMarkdown);
        assertEquals(6, redone.count(UnitResult.Outcome.DONE), redone::toMarkdown);
        assertEquals(4, bc.applies().stream().filter(a -> a.packageCode().equals("SETUP")).count(),
                "SETUP applied in both companies, twice");
    }

    @Test
    void allCompaniesAreTheEnvironmentsAndEveryTargetProblemIsReportedBeforeAnyDeploy() throws Exception {
        String packagesOnly = """
                release: all-companies
                steps:
                  - configurationPackage: packages/SETUP.rapidstart
                waves:
                  - name: everywhere
                    targets:
                      - environment: production
                        companies: all
                """;
        ReleaseReport all = run(Releases.folder(dir.resolve("all"), packagesOnly), journal(), false);

        assertTrue(all.succeeded(), all::toMarkdown);
        assertEquals(List.of(CRONUS, MY_COMPANY), all.units().stream().map(u -> u.unit().company()).toList());
        assertEquals(2, bc.applies().size());

        Path wrong = Releases.folder(dir.resolve("wrong"), packagesOnly.replace("""
                      - environment: production
                        companies: all
                """, """
                      - environment: production
                        companies: [Nobody, "CRONUS USA, Inc."]
                      - environment: nowhere
                        companies: all
                      - connection: bcElsewhere
                        environment: production
                        companies: all
                """));
        java.util.concurrent.ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> run(wrong, journal(), false));

        InvalidReleaseException problems = org.junit.jupiter.api.Assertions.assertInstanceOf(
                InvalidReleaseException.class, failed.getCause());
        String text = String.join("\n", problems.getProblems());
        assertEquals(3, problems.getProblems().size(), text);
        assertTrue(text.contains("no company 'Nobody' in bc/production (names are case-sensitive; there are"
                                 + " [CRONUS USA, Inc., My Company])"), text);
        assertTrue(text.contains("bc/nowhere: cannot list the environment's companies"), text);
        assertTrue(text.contains("connection 'bcElsewhere' is not configured"), text);
        assertEquals(2, bc.applies().size(), "nothing more deployed");
    }

    @Test
    void aReleaseGoesFromTheSandboxToProductionAndHoldsPackageDeploysToTheEnvironmentsThreeJobs() throws Exception {
        for (int i = 1; i <= 6; i++) {
            bc.environments().companies().add("sandbox", "Sandbox Company " + i);
        }
        Path folder = Releases.folder(dir.resolve("waves"), """
                release: sandbox-then-production
                steps:
                  - configurationPackage: packages/SETUP.rapidstart
                waves:
                  - name: sandbox
                    targets:
                      - environment: sandbox
                        companies: all
                  - name: production
                    targets:
                      - environment: production
                        companies: ["CRONUS USA, Inc."]
                """);
        List<String> sandboxCompanies = bc.companies("sandbox").stream().map(c -> c.id()).toList();
        java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                int inFlight = 0;
                for (String company : sandboxCompanies) {
                    for (var pkg : bc.packages(company)) {
                        boolean started = !pkg.importStatus().isEmpty() && !pkg.importStatus().equals("No");
                        if (started && !pkg.applyStatus().equals("Completed")) {
                            inFlight++;
                        }
                    }
                }
                mostInFlight.accumulateAndGet(inFlight, Math::max);
                Thread.onSpinWait();
            }
        });
        sampler.start();
        ReleaseReport report;
        try {
            report = run(folder, journal(), false);
        } finally {
            sampling.set(false);
            sampler.join();
        }

        assertTrue(report.succeeded(), report::toMarkdown);
        assertEquals(8, bc.applies().stream().filter(a -> sandboxCompanies.contains(a.companyId())).count(),
                "every sandbox company");
        assertEquals(1, bc.applies().stream().filter(a -> a.companyId().equals(bc.company(CRONUS).id())).count(),
                "then the production one");
        assertTrue(bc.applies().stream().filter(a -> sandboxCompanies.contains(a.companyId()))
                .allMatch(a -> a.at().isBefore(bc.applies().get(bc.applies().size() - 1).at())), "sandbox first");
        assertTrue(mostInFlight.get() <= 3, "at most three package deploys at once in the sandbox: " + mostInFlight);
        assertTrue(mostInFlight.get() >= 2, "the companies of a step run together: " + mostInFlight);
    }

    @Test
    void anAppTheEnvironmentHasIsReportedSkippedNotDeployed() throws Exception {
        String appOnly = """
                release: first
                steps:
                  - app: apps
                waves:
                  - name: production
                    targets:
                      - environment: production
                        companies: ["CRONUS USA, Inc."]
                """;
        Path folder = Releases.folder(dir.resolve("apps-only"), appOnly.replace("  - app: apps\n",
                "  - app: apps/b-library.app\n"));
        assertTrue(run(folder, journal(), false).succeeded());
        java.nio.file.Files.writeString(folder.resolve("release.yaml"), appOnly.replace("release: first",
                "release: second").replace("  - app: apps\n", "  - app: apps/b-library.app\n"));

        ReleaseReport second = run(folder, journal(), false);

        UnitResult app = second.units().get(0);
        assertEquals(UnitResult.Outcome.SKIPPED, app.outcome(), second::toMarkdown);
        assertTrue(app.detail().contains("the environment has Library 1.0.0.0 (this version or higher): not uploaded"),
                app.detail());
        assertEquals(1, bc.apps().installs().size(), "uploaded once");

        // both apps: the library is skipped, the setup installed, and the report says which is which
        java.nio.file.Files.writeString(folder.resolve("release.yaml"), appOnly.replace("release: first",
                "release: third"));
        ReleaseReport third = run(folder, journal(), false);

        UnitResult apps = third.units().get(0);
        assertEquals(UnitResult.Outcome.DONE, apps.outcome(), third::toMarkdown);
        assertEquals("1 of 2 apps installed; the environment has Library 1.0.0.0 (this version or higher): not"
                     + " uploaded", apps.detail());
        assertTrue(third.toMarkdown().contains("1 of 2 apps installed; the environment has Library"), third::toMarkdown);
        assertEquals(2, bc.apps().installs().size(), "the setup app uploaded, the library not again");
    }
}
