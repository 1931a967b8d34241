package io.deploykit.camel.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.journal.DirectoryStateRepository;
import io.deploykit.camel.release.run.ReleaseBoard;
import io.deploykit.camel.release.manifest.ReleaseManifest;
import io.deploykit.camel.release.run.ReleaseReport;

/** {@code release:} in Camel routes, against the emulated services over real HTTP. */
class ReleaseComponentTest {

    private static final String MANIFEST = """
            release: route-release
            steps:
              - configurationPackage: packages/SETUP.rapidstart
              - configurationPackage: packages/CUSTOMERS.rapidstart
              - pictures: pictures
                parentType: items
            waves:
              - name: all
                targets:
                  - environment: production
                    companies: ["CRONUS USA, Inc.", My Company]
            """;
    private static final String GATED = """
            release: gated
            steps:
              - configurationPackage: packages/SETUP.rapidstart
            waves:
              - name: sandbox
                targets:
                  - environment: production
                    companies: ["CRONUS USA, Inc."]
              - name: production
                approval: PT60S
                targets:
                  - environment: production
                    companies: [My Company]
            """;

    @TempDir
    Path dir;
    private EmulatedServices services;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        services = new EmulatedServices();
        services.camel.getRegistry().bind("states", new DirectoryStateRepository(dir.resolve("states")));
        services.camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:deploy").to("release:deploy?stateRepository=#states&approvalPollInterval=50");
                from("direct:validate").to("release:validate");
                from("direct:approve").to("release:approve?stateRepository=#states");
            }
        });
        services.camel.start();
        template = services.camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void aZippedReleaseIsDeployedAndTheSameReleaseAgainSkipsWhatWasDone() throws Exception {
        Path zip = Releases.zip(Releases.folder(dir.resolve("release"), MANIFEST), dir.resolve("route-release.zip"));

        Exchange first = template.send("direct:deploy", e -> e.getMessage().setBody(zip.toFile()));
        Exchange again = template.send("direct:deploy", e -> e.getMessage().setBody(zip.toString()));

        assertNull(first.getException());
        ReleaseReport report = first.getMessage().getBody(ReleaseReport.class);
        assertTrue(report.succeeded(), report::toMarkdown);
        assertEquals("route-release", first.getMessage().getHeader(ReleaseConstants.RELEASE_ID));
        assertEquals(6L, first.getMessage().getHeader(ReleaseConstants.STEPS_DONE));
        assertTrue(first.getMessage().getHeader(ReleaseConstants.REPORT_MARKDOWN, String.class)
                .contains("| all | bc/production/My Company |"));
        assertNull(again.getException());
        assertEquals(6L, again.getMessage().getHeader(ReleaseConstants.STEPS_SKIPPED));
        assertEquals(0L, again.getMessage().getHeader(ReleaseConstants.STEPS_DONE));
        assertEquals(2, services.bc.applies().stream().filter(a -> a.packageCode().equals("SETUP")).count(),
                "SETUP once per company over both sends");
    }

    @Test
    void aFailedStepFailsTheExchangeWithTheReport() throws Exception {
        Path folder = Releases.folder(dir.resolve("release"), MANIFEST);
        services.bc.faults().applyFailure("SETUP", "Table 18 is locked");

        Exchange failed = template.send("direct:deploy", e -> e.getMessage().setBody(folder));

        ReleaseFailedException failure = assertInstanceOf(ReleaseFailedException.class, failed.getException());
        assertTrue(failure.getMessage().contains("Table 18 is locked"), failure.getMessage());
        // SETUP runs in both companies together and fails in both: the target stops before CUSTOMERS and pictures
        assertEquals(2L, failed.getMessage().getHeader(ReleaseConstants.STEPS_FAILED));
        assertEquals(4L, failed.getMessage().getHeader(ReleaseConstants.STEPS_NOT_RUN));
        assertEquals(0, services.bc.imports().stream().filter(i -> i.packageCode().equals("CUSTOMERS")).count());
        assertEquals(failure.getReport(), failed.getMessage().getBody(ReleaseReport.class));
    }

    @Test
    void validateChecksEverythingAndSendsNothing() throws Exception {
        Path folder = Releases.folder(dir.resolve("release"), MANIFEST);
        Exchange valid = template.send("direct:validate", e -> e.getMessage().setBody(folder.toFile()));
        assertNull(valid.getException());
        assertEquals(3, valid.getMessage().getBody(ReleaseManifest.class).steps().size());

        Files.writeString(folder.resolve("pictures/1000.png"), "not a png");
        Exchange invalid = template.send("direct:validate", e -> e.getMessage().setBody(folder.toFile()));

        InvalidReleaseException problems = assertInstanceOf(InvalidReleaseException.class, invalid.getException());
        assertTrue(problems.getMessage().contains("'1000.png' is not a picture"), problems.getMessage());
        assertEquals(0, services.bc.requests().size() + services.reactor.requests().size(), "no request at all");
    }

    @Test
    void aGatedWaveWaitsForItsApprovalAndOneNotApprovedInTimeHaltsTheWavesAfterIt() throws Exception {
        String gated = GATED;
        Path folder = Releases.folder(dir.resolve("gated"), gated);
        String myCompany = services.bc.company(EmulatedServices.MY_COMPANY).id();

        java.util.concurrent.Future<Exchange> deploy = template.asyncSend("direct:deploy",
                e -> e.getMessage().setBody(folder));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (services.bc.applies().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500); // ten polls of the gate
        assertTrue(!deploy.isDone(), "the production wave waits for its approval");
        assertEquals(0, services.bc.applies().stream().filter(a -> a.companyId().equals(myCompany)).count());

        template.send("direct:approve", e -> {
            e.getMessage().setHeader(ReleaseConstants.RELEASE_ID, "gated");
            e.getMessage().setHeader(ReleaseConstants.WAVE, "production");
            e.getMessage().setHeader(ReleaseConstants.APPROVED_BY, "release manager");
        });
        Exchange approved = deploy.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertNull(approved.getException());
        assertEquals(1, services.bc.applies().stream().filter(a -> a.companyId().equals(myCompany)).count());

        Path late = Releases.folder(dir.resolve("late"), gated.replace("release: gated", "release: late")
                .replace("PT60S", "PT0.3S").replace("SETUP", "CUSTOMERS"));
        Exchange timedOut = template.send("direct:deploy", e -> e.getMessage().setBody(late));

        ReleaseFailedException failure = assertInstanceOf(ReleaseFailedException.class, timedOut.getException());
        assertTrue(failure.getReport().units().get(1).detail().contains("wave production of release late was not"
                                                                         + " approved by"), failure.getMessage());
        assertEquals(0, services.bc.applies().stream().filter(a -> a.companyId().equals(myCompany)
                                                                  && a.packageCode().equals("CUSTOMERS")).count());
        DeployJournal journal = new DeployJournal(services.camel.getRegistry().lookupByNameAndType("states",
                DirectoryStateRepository.class), "release", java.time.Clock.systemUTC());
        assertEquals("timedOut", journal.entry("approval", "late|production").last().orElseThrow().step(),
                "the gate is not left waiting in the journal for a page or another instance to show");
    }

    @Test
    void aRejectedWaveDoesNotRunNorDoTheWavesAfterIt() throws Exception {
        ReleaseComponent component = services.camel.getComponent("release", ReleaseComponent.class);
        component.getConfiguration().setStateRepository(services.camel.getRegistry().lookupByNameAndType("states",
                DirectoryStateRepository.class));
        Path folder = Releases.folder(dir.resolve("rejected"), GATED.replace("release: gated", "release: rejected"));
        String myCompany = services.bc.company(EmulatedServices.MY_COMPANY).id();

        java.util.concurrent.Future<Exchange> deploy = template.asyncSend("direct:deploy",
                e -> e.getMessage().setBody(folder));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while ((component.board().runs().isEmpty() || !"waiting".equals(component.board().runs().get(0).gates()
                .get("production"))) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ReleaseBoard.Run waiting = component.board().runs().get(0);
        assertEquals(List.of(ReleaseBoard.State.DONE, ReleaseBoard.State.PENDING),
                waiting.cells().stream().map(ReleaseBoard.Cell::state).toList(), "the board: " + waiting);
        component.reject("rejected", "production", "alice").join();
        Exchange rejected = deploy.get(30, java.util.concurrent.TimeUnit.SECONDS);

        ReleaseFailedException failure = assertInstanceOf(ReleaseFailedException.class, rejected.getException());
        assertTrue(failure.getReport().units().get(1).detail().contains("wave production of release rejected was"
                                                                         + " rejected by alice"), failure.getMessage());
        assertEquals(0, services.bc.applies().stream().filter(a -> a.companyId().equals(myCompany)).count());
        ReleaseBoard.Run ended = component.board().runs().get(0);
        assertTrue(ended.finished() && ended.gates().get("production").startsWith("refused: "), "the board: " + ended);
        assertEquals(ReleaseBoard.State.NOT_RUN, ended.cells().get(1).state());
    }

    @Test
    void aStopMidReleaseLeavesItForTheNextRunWhichContinuesWithoutRepeatingAStep() throws Exception {
        Path folder = Releases.folder(dir.resolve("stopped"), MANIFEST.replace("release: route-release",
                "release: stopped"));
        DirectoryStateRepository componentStates = new DirectoryStateRepository(dir.resolve("bc-states"));
        services.bc.faults().stickJobsOf("CUSTOMERS", true); // SETUP done, CUSTOMERS' import held: the stop lands
        Exchange first;
        try (org.apache.camel.impl.DefaultCamelContext camel = services.newContext()) {
            camel.getComponent("bc", io.deploykit.camel.bc.BcComponent.class).getConfiguration()
                    .setStateRepository(componentStates);
            camel.getRegistry().bind("states", new DirectoryStateRepository(dir.resolve("states")));
            camel.start();
            java.util.concurrent.Future<Exchange> running = camel.createProducerTemplate().asyncSend(
                    "release:deploy?stateRepository=#states", e -> e.getMessage().setBody(folder));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (services.bc.imports().stream().filter(i -> i.packageCode().equals("CUSTOMERS")).count() < 2
                   && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            camel.getShutdownStrategy().setTimeout(1);
            camel.stop();
            first = running.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertInstanceOf(io.deploykit.camel.core.error.OperationInterruptedException.class, first.getException(),
                "a stop, not a failure: the file consumer leaves the release in the inbox");

        services.bc.faults().stickJobsOf("CUSTOMERS", false);
        try (org.apache.camel.impl.DefaultCamelContext camel = services.newContext()) {
            camel.getComponent("bc", io.deploykit.camel.bc.BcComponent.class).getConfiguration()
                    .setStateRepository(componentStates);
            camel.getRegistry().bind("states", new DirectoryStateRepository(dir.resolve("states")));
            camel.start();
            Exchange second = camel.createProducerTemplate().send("release:deploy?stateRepository=#states",
                    e -> e.getMessage().setBody(folder));

            assertNull(second.getException());
            assertEquals(2L, second.getMessage().getHeader(ReleaseConstants.STEPS_SKIPPED), "SETUP in both companies");
        }
        for (String code : List.of("SETUP", "CUSTOMERS")) {
            assertEquals(2, services.bc.imports().stream().filter(i -> i.packageCode().equals(code)).count(),
                    code + " imported once per company over both runs");
            assertEquals(2, services.bc.applies().stream().filter(a -> a.packageCode().equals(code)).count(),
                    code + " applied once per company over both runs");
        }
    }

    @Test
    void approveNeedsTheReleaseAndTheWave() {
        Exchange missing = template.send("direct:approve", e -> e.getMessage().setHeader(ReleaseConstants.WAVE, "x"));
        assertTrue(missing.getException().getMessage().contains("needs headers CamelReleaseId and CamelReleaseWave"),
                missing.getException().getMessage());
    }

    @Test
    void anUnknownOperationIsNamedWithTheKnownOnes() {
        ResolveEndpointFailedException failure = assertThrows(ResolveEndpointFailedException.class,
                () -> services.camel.getEndpoint("release:install"));
        assertTrue(failure.getMessage().contains("release:install names no operation; use one of [deploy, validate, approve]"),
                failure.getMessage());
    }
}
