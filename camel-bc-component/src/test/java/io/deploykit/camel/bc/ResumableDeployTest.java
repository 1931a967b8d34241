package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.bc.model.Picture;
import io.deploykit.camel.core.error.OperationInterruptedException;
import io.deploykit.camel.core.journal.DirectoryStateRepository;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;

/**
 * Deploys with a state repository: an interrupted deploy continues from its last step in a new context, a completed
 * one is not repeated, a new copy of the file or a failed deploy starts over.
 */
class ResumableDeployTest extends BcTestSupport {

    private static final String DEPLOY = "bc:configurationPackage?operation=deploy&stateRepository=#states";
    private static final String PICTURE = "bc:picture?operation=update&stateRepository=#states";
    private static final List<String> ACTIONS = List.of("packages.create", "packages.delete", "packages.file.upload",
            "packages.import", "packages.apply");

    private final List<Exchange> fromInbox = new CopyOnWriteArrayList<>();

    private Path states() {
        return dir.resolve("states");
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("states", new DirectoryStateRepository(states()));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("inbox") + "?include=.*\\.rapidstart&move=.done&initialDelay=0&delay=20")
                        .routeId("inbox")
                        .onCompletion().process(fromInbox::add).end()
                        .to(DEPLOY);
                from("file:" + dir.resolve("pictures") + "?move=.done&initialDelay=0&delay=20").routeId("pictures")
                        .onCompletion().process(fromInbox::add).end()
                        .setHeader(BcConstants.PARENT_NUMBER, simple("${file:onlyname.noext}"))
                        .to(PICTURE);
                from("direct:two").routeId("two")
                        .setBody(exchangeProperty("first")).to(DEPLOY)
                        .setProperty("firstDeployed", body())
                        .setBody(exchangeProperty("second")).to(DEPLOY);
            }
        };
    }

    /** How many requests of each kind that changes something reached Business Central since the last clear. */
    private static Map<String, Long> actions() {
        return ACTIONS.stream().collect(java.util.stream.Collectors.toMap(a -> a, emulator::requestCount));
    }

    private static Map<String, Long> counts(long create, long delete, long upload, long imports, long applies) {
        return Map.of("packages.create", create, "packages.delete", delete, "packages.file.upload", upload,
                "packages.import", imports, "packages.apply", applies);
    }

    @Test
    void aDeployStoppedWhileItsImportWaitsContinuesInANewContextWithoutSendingAnythingTwice() throws Exception {
        String code = newCode("RESUME");
        Path file = RapidStartFiles.write(dir.resolve("resume.rapidstart"), code, "Resume", 2, 3).file();
        emulator.faults().stickJobs(true);

        Future<Exchange> first = template.asyncSend(DEPLOY, exchange -> exchange.getMessage().setBody(file.toFile()));
        waitFor("the import of " + code + " is scheduled and waited for", () -> stored(code)
                .filter(p -> p.importStatus().equals("Scheduled")).isPresent()
                && emulator.requestCount("packages.import") == 1 && emulator.requestCount("packages.get")
                        + emulator.requestCount("packages.list") >= 2);
        context.getShutdownStrategy().setTimeout(1);
        context.stop();
        Exchange interrupted = first.get(10, TimeUnit.SECONDS);
        assertInstanceOf(OperationInterruptedException.class, failure(interrupted));
        assertNull(interrupted.getMessage().getHeader(BcConstants.DEPLOY_KEY), "an input the route did not set");
        assertEquals(counts(1, 0, 1, 1, 0), actions());

        emulator.faults().stickJobs(false);
        CamelContext restarted = new DefaultCamelContext();
        restarted.addComponent("bc", newComponent());
        restarted.getRegistry().bind("states", new DirectoryStateRepository(states()));
        restarted.start();
        try (ProducerTemplate again = restarted.createProducerTemplate()) {
            Exchange resumed = again.send(DEPLOY, exchange -> exchange.getMessage().setBody(file.toFile()));

            assertNull(resumed.getException());
            ConfigurationPackage pkg = resumed.getMessage().getBody(ConfigurationPackage.class);
            assertEquals("Completed", pkg.getApplyStatus());
            assertEquals(6, pkg.getNumberOfRecords());
            assertNull(resumed.getMessage().getHeader(BcConstants.DEPLOY_KEY));
            assertEquals(false, resumed.getMessage().getHeader(BcConstants.DEPLOY_SKIPPED), "resumed, not skipped");
            assertEquals(counts(1, 0, 1, 1, 1), actions(), "over both runs: one create, one import, one apply");
            assertEquals(pkg.getId(), stored(code).orElseThrow().id());
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aCompletedDeployOfTheSameFileIsNotSentAgain() throws Exception {
        String code = newCode("ONCE");
        Path file = RapidStartFiles.write(dir.resolve("once.rapidstart"), code, "Once", 1, 4).file();
        ConfigurationPackage deployed = template.requestBody(DEPLOY, file.toFile(), ConfigurationPackage.class);
        emulator.clearRequests();

        Exchange again = send(DEPLOY, file.toFile(), null, null);

        assertNull(again.getException());
        ConfigurationPackage pkg = again.getMessage().getBody(ConfigurationPackage.class);
        assertEquals(deployed.getId(), pkg.getId());
        assertEquals("Completed", pkg.getApplyStatus());
        assertEquals(4, pkg.getNumberOfRecords());
        assertEquals(deployed.getId(), again.getMessage().getHeader(BcConstants.PACKAGE_ID));
        assertEquals(true, again.getMessage().getHeader(BcConstants.DEPLOY_SKIPPED), "the skip is said");
        assertEquals(counts(0, 0, 0, 0, 0), actions());
        assertTrue(emulator.requests().stream().allMatch(r -> r.method().equals("GET")), "only reads");
    }

    @Test
    void anotherDeployKeyDeploysTheSameFileAgain() throws Exception {
        String code = newCode("KEYED");
        Path file = RapidStartFiles.write(dir.resolve("keyed.rapidstart"), code, "Keyed", 1, 1).file();
        ConfigurationPackage one = template.requestBodyAndHeader(DEPLOY, file.toFile(), BcConstants.DEPLOY_KEY, "release-1",
                ConfigurationPackage.class);
        template.requestBodyAndHeader(DEPLOY, file.toFile(), BcConstants.DEPLOY_KEY, "release-1");
        emulator.clearRequests();

        ConfigurationPackage two = template.requestBodyAndHeader(DEPLOY, file.toFile(), BcConstants.DEPLOY_KEY, "release-2",
                ConfigurationPackage.class);

        assertNotEquals(one.getId(), two.getId());
        assertEquals(counts(1, 1, 1, 1, 1), actions());
    }

    /**
     * The journal finishes a deploy a crash interrupted; once the file consumer has moved the file to .done, the same
     * file moved back (mv keeps its modification time, so its derived deploy key is the same) is a new deploy, whether
     * its package was deleted on the service since or not.
     */
    @Test
    void theSameFileMovedBackFromDoneIsANewDeployEvenWhenItsPackageWasDeleted() throws Exception {
        String code = newCode("REDROP");
        Path made = RapidStartFiles.write(dir.resolve("redrop.rapidstart"), code, "Redrop", 1, 2).file();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path done = inbox.resolve(".done").resolve(made.getFileName());
        drop(made, inbox, FileTime.from(Instant.now().minusSeconds(3600)), 1);
        assertEquals(counts(1, 0, 1, 1, 1), actions());
        String firstId = fromInbox.get(0).getMessage().getHeader(BcConstants.PACKAGE_ID, String.class);
        template.requestBodyAndHeader("bc:configurationPackage?operation=delete", null, BcConstants.PACKAGE_ID, firstId);
        emulator.clearRequests();

        moveBack(done, inbox, 2);

        assertEquals(counts(1, 0, 1, 1, 1), actions(), "deployed again: created, uploaded, imported, applied");
        assertEquals(false, fromInbox.get(1).getMessage().getHeader(BcConstants.DEPLOY_SKIPPED));
        assertEquals("Completed", stored(code).orElseThrow().applyStatus());
        assertTrue(Files.exists(done), "in .done again");

        emulator.clearRequests();
        moveBack(done, inbox, 3);
        assertEquals(false, fromInbox.get(2).getMessage().getHeader(BcConstants.DEPLOY_SKIPPED));
        assertEquals(counts(1, 1, 1, 1, 1), actions(), "the package still there: replaced by a new deploy");
    }

    /** Moves the file from .done back into the inbox, its modification time kept, and waits for it in .done again. */
    private void moveBack(Path done, Path inbox, int deploys) throws Exception {
        Files.move(done, inbox.resolve(done.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        waitFor("deploy " + deploys + " from the inbox", () -> fromInbox.size() == deploys && Files.exists(done)
                && context.getInflightRepository().size() == 0);
        assertNull(fromInbox.get(deploys - 1).getException());
    }

    /** Likewise a picture: moved back from .done, its modification time kept, it is sent again. */
    @Test
    void aPictureMovedBackFromDoneIsSentAgain() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("pictures"));
        Path made = Files.write(dir.resolve("1000.png"), Images.png(24, 12));
        Files.setLastModifiedTime(made, FileTime.from(Instant.now().minusSeconds(3600)));
        Path done = inbox.resolve(".done").resolve("1000.png");
        Files.move(made, inbox.resolve("1000.png"), StandardCopyOption.ATOMIC_MOVE);
        waitFor("the picture in .done", () -> fromInbox.size() == 1 && Files.exists(done)
                && context.getInflightRepository().size() == 0);
        assertEquals(1, emulator.requestCount("pictures.content.upload"));
        emulator.clearRequests();

        moveBack(done, inbox, 2);

        assertEquals(1, emulator.requestCount("pictures.content.upload"), "sent again");
        assertEquals(false, fromInbox.get(1).getMessage().getHeader(BcConstants.DEPLOY_SKIPPED));
    }

    /**
     * Two RapidStart files deployed one after the other on the same exchange: the second is deployed as itself, not
     * taken for the first (whose deploy key and package code the first deploy used to leave in the headers).
     */
    @Test
    void twoFilesDeployedOnOneExchangeAreBothDeployed() throws Exception {
        String first = newCode("FIRST");
        String second = newCode("SECOND");
        Path one = RapidStartFiles.write(dir.resolve("first.rapidstart"), first, "First", 1, 2).file();
        Path two = RapidStartFiles.write(dir.resolve("second.rapidstart"), second, "Second", 1, 3).file();

        Exchange both = template.send("direct:two", exchange -> {
            exchange.setProperty("first", one.toFile());
            exchange.setProperty("second", two.toFile());
        });

        assertNull(both.getException());
        assertEquals(first, both.getProperty("firstDeployed", ConfigurationPackage.class).getCode());
        assertEquals(second, both.getMessage().getBody(ConfigurationPackage.class).getCode());
        assertEquals(second, both.getMessage().getHeader(BcConstants.PACKAGE_CODE), "the result is the second's");
        assertEquals("Completed", stored(first).orElseThrow().applyStatus());
        assertEquals("Completed", stored(second).orElseThrow().applyStatus());
        assertNull(both.getMessage().getHeader(BcConstants.DEPLOY_KEY), "no input left behind");
    }

    private void drop(Path made, Path inbox, FileTime modified, int deploys) throws Exception {
        Path staged = Files.copy(made, dir.resolve("staged"), StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(staged, modified);
        Path dropped = Files.move(staged, inbox.resolve(made.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        waitFor("deploy " + deploys + " from the inbox", () -> fromInbox.size() == deploys && Files.notExists(dropped)
                && context.getInflightRepository().size() == 0);
        assertNull(fromInbox.get(deploys - 1).getException());
    }

    @Test
    void aDeployWhoseApplyFailedStartsOverOnTheNextTry() throws Exception {
        String code = newCode("APPLYERR");
        Path file = RapidStartFiles.write(dir.resolve("fails.rapidstart"), code, "Fails", 1, 2).file();
        emulator.faults().applyFailure(code, "Table 18 is locked");

        Exchange failed = send(DEPLOY, file.toFile(), null, null);
        BcPackageFailedException error = assertInstanceOf(BcPackageFailedException.class, failure(failed));
        assertTrue(error.getMessage().contains("Table 18 is locked"), error.getMessage());
        String failedId = error.getConfigurationPackage().getId();

        emulator.faults().applyFailure(code, null);
        emulator.clearRequests();
        Exchange retried = send(DEPLOY, file.toFile(), null, null);

        assertNull(retried.getException());
        ConfigurationPackage pkg = retried.getMessage().getBody(ConfigurationPackage.class);
        assertEquals("Completed", pkg.getApplyStatus());
        assertNotEquals(failedId, pkg.getId(), "a new package");
        assertEquals(counts(1, 1, 1, 1, 1), actions(), "the failed package replaced, then the whole flow");
    }

    @Test
    void aPictureUpdatedFromTheSameFileBeforeIsNotSentAgain() throws Exception {
        Path file = Files.write(dir.resolve("1000.png"), Images.png(32, 16));
        Picture first = template.requestBodyAndHeader(PICTURE, file.toFile(), BcConstants.PARENT_NUMBER, "1000", Picture.class);
        assertEquals(1, emulator.requestCount("pictures.content.upload"));
        emulator.clearRequests();

        Picture second = template.requestBodyAndHeader(PICTURE, file.toFile(), BcConstants.PARENT_NUMBER, "1000", Picture.class);

        assertEquals(0, emulator.requestCount("pictures.content.upload"));
        assertEquals(0, emulator.requestCount("pictures.content.get"), "completed before: not even compared");
        assertEquals(true, template.request(PICTURE, e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(BcConstants.PARENT_NUMBER, "1000");
        }).getMessage().getHeader(BcConstants.DEPLOY_SKIPPED), "the skip is said");
        assertEquals(first.getId(), second.getId());
        assertEquals(32, second.getWidth());

        Files.write(file, Images.png(8, 8));
        Picture changed = template.requestBodyAndHeader(PICTURE, file.toFile(), BcConstants.PARENT_NUMBER, "1000", Picture.class);
        assertEquals(1, emulator.requestCount("pictures.content.upload"), "other content is another deploy");
        assertEquals(8, changed.getWidth());
    }

    @Test
    void aPictureUpdateTakenUpAgainIsSentOnlyIfTheStoredPictureDiffers() throws Exception {
        byte[] png = Images.png(12, 12);
        Path file = Files.write(dir.resolve("1001.png"), png);
        Picture current = template.requestBodyAndHeader("bc:picture?operation=update", png, BcConstants.PARENT_NUMBER,
                "1000", Picture.class);
        BcEndpoint endpoint = context.getEndpoint(PICTURE, BcEndpoint.class);
        endpoint.getJournal().entry("picture items", "crashed-1").record("updating", current.getId(), null);
        endpoint.getJournal().entry("picture items", "crashed-2").record("updating", current.getId(), null);
        emulator.clearRequests();

        template.requestBodyAndHeaders(PICTURE, file.toFile(),
                Map.of(BcConstants.PARENT_NUMBER, "1000", BcConstants.DEPLOY_KEY, "crashed-1"));
        assertEquals(0, emulator.requestCount("pictures.content.upload"), "the update sent before had taken effect");
        assertEquals(1, emulator.requestCount("pictures.content.get"));

        Files.write(file, Images.png(20, 10));
        Picture sent = template.requestBodyAndHeaders(PICTURE, file.toFile(),
                Map.of(BcConstants.PARENT_NUMBER, "1000", BcConstants.DEPLOY_KEY, "crashed-2"), Picture.class);
        assertEquals(1, emulator.requestCount("pictures.content.upload"), "the stored picture differs: sent");
        assertEquals(20, sent.getWidth());
    }
}
