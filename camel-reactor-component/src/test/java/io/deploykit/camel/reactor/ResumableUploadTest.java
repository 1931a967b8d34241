package io.deploykit.camel.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.journal.DirectoryStateRepository;
import io.deploykit.camel.reactor.model.ExtensionPackage;
import io.deploykit.emulator.http.RecordedRequest;
import io.deploykit.emulator.reactor.ExtensionPackageSnapshot;
import io.deploykit.emulator.reactor.ExtensionZips;

/**
 * Uploads and releases with a state repository: one that completed is not sent again, one taken up after its
 * request was sent finds what that request did.
 */
class ResumableUploadTest extends ReactorTestSupport {

    private static final String STATES = "&stateRepository=#states";
    private static final String UPLOAD = "reactor:extensionPackage?operation=upload" + STATES;
    private static final String RELEASE = "reactor:extensionPackage?operation=releasePrivate" + STATES;

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("states", new DirectoryStateRepository(dir.resolve("states")));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:deploy").to(UPLOAD).to(RELEASE);
                from("direct:two").setBody(exchangeProperty("first")).to(UPLOAD).to(RELEASE)
                        .setProperty("firstReleased", body())
                        .setBody(exchangeProperty("second")).to(UPLOAD).to(RELEASE);
                from("file:" + dir.resolve("inbox") + "?move=.done&initialDelay=0&delay=20").routeId("inbox")
                        .to(UPLOAD).process(fromInbox::add);
            }
        };
    }

    private final List<Exchange> fromInbox = new CopyOnWriteArrayList<>();

    private Path zip(String name, String version) throws Exception {
        return ExtensionZips.write(dir.resolve(name + "-" + version + ".zip"), name, version, "web");
    }

    /** The requests that send a zip: a create, or an update by PATCH or POST. */
    private static List<RecordedRequest> zipsSent() {
        return emulator.requests().stream().filter(r -> r.path().startsWith("/extension_packages")
                && !r.method().equals("GET") && String.valueOf(r.header("content-type")).startsWith("multipart/")).toList();
    }

    /** The lifecycle actions sent (release_private, discontinue): a PATCH with a JSON:API document. */
    private static List<RecordedRequest> actionsSent() {
        return emulator.requests().stream().filter(r -> r.method().equals("PATCH")
                && String.valueOf(r.header("content-type")).startsWith("application/vnd.api+json")).toList();
    }

    private DeployJournal journal() {
        return context.getEndpoint(UPLOAD, ReactorEndpoint.class).getJournal();
    }

    @Test
    void anUploadAndReleaseOfTheSameZipAreNotSentAgain() throws Exception {
        String name = newName("once");
        Path zip = zip(name, "1.0.0");
        ExtensionPackage released = template.requestBody("direct:deploy", zip.toFile(), ExtensionPackage.class);
        assertEquals("private", released.getAvailability());
        assertEquals(1, zipsSent().size());
        assertEquals(1, actionsSent().size());
        emulator.clearRequests();

        Exchange again = template.send("direct:deploy", exchange -> exchange.getMessage().setBody(zip.toFile()));

        assertNull(again.getException());
        assertEquals(true, again.getMessage().getHeader(ReactorConstants.DEPLOY_SKIPPED), "the skip is said");
        ExtensionPackage pkg = again.getMessage().getBody(ExtensionPackage.class);
        assertEquals(released.getId(), pkg.getId());
        assertEquals("private", pkg.getAvailability());
        assertEquals("succeeded", pkg.getStatus());
        assertEquals(List.of(), zipsSent());
        assertEquals(List.of(), actionsSent());
        assertTrue(emulator.requests().stream().allMatch(r -> r.method().equals("GET")), "only reads");
        assertEquals(1, emulator.packages().stream().filter(p -> p.name().equals(name)).count());
    }

    /**
     * Two zips uploaded and released one after the other on the same exchange: the second is sent as itself (the
     * deploy key the first upload used to leave in the headers made it "uploaded before"), and each release goes
     * with its own upload.
     */
    @Test
    void twoZipsUploadedAndReleasedOnOneExchangeAreBothDeployed() throws Exception {
        String first = newName("first");
        String second = newName("second");
        Path one = zip(first, "1.0.0");
        Path two = zip(second, "1.0.0");
        emulator.clearRequests();

        Exchange both = template.send("direct:two", exchange -> {
            exchange.setProperty("first", one.toFile());
            exchange.setProperty("second", two.toFile());
        });

        assertNull(both.getException());
        assertEquals(2, zipsSent().size(), "both zips sent");
        assertEquals(2, actionsSent().size(), "both released");
        assertEquals(first, both.getProperty("firstReleased", ExtensionPackage.class).getName());
        ExtensionPackage last = both.getMessage().getBody(ExtensionPackage.class);
        assertEquals(second, last.getName());
        assertEquals("private", last.getAvailability());
        assertNull(both.getMessage().getHeader(ReactorConstants.DEPLOY_KEY), "no input left behind");
        assertEquals(false, both.getMessage().getHeader(ReactorConstants.DEPLOY_SKIPPED));
    }

    /**
     * Two zips sent by update on the same exchange, each to the development package of its own name: the second does
     * not go to the package whose id the first set as its result.
     */
    @Test
    void twoZipsUpdatedOnOneExchangeGoToTheirOwnPackages() throws Exception {
        String first = newName("upd-first");
        String second = newName("upd-second");
        ExtensionPackage one = template.requestBody(UPLOAD, zip(first, "1.0.0").toFile(), ExtensionPackage.class);
        ExtensionPackage two = template.requestBody(UPLOAD, zip(second, "1.0.0").toFile(), ExtensionPackage.class);
        String update = "reactor:extensionPackage?operation=update" + STATES;

        Exchange exchange = new org.apache.camel.support.DefaultExchange(context);
        exchange.getMessage().setBody(zip(first, "1.0.1").toFile());
        template.send(update, exchange);
        assertNull(exchange.getException());
        exchange.getMessage().setBody(zip(second, "1.0.1").toFile());
        template.send(update, exchange);

        assertNull(exchange.getException());
        assertEquals(two.getId(), exchange.getMessage().getBody(ExtensionPackage.class).getId(), "its own package");
        assertEquals("1.0.1", emulator.packages().stream().filter(p -> p.id().equals(one.getId())).findFirst().orElseThrow().version());
        assertEquals("1.0.1", emulator.packages().stream().filter(p -> p.id().equals(two.getId())).findFirst().orElseThrow().version());
    }

    /**
     * A zip the file consumer moved to .done and that is moved back, its modification time kept, is uploaded again:
     * the journal finishes interrupted uploads, and a file dropped again after its outcome is a new intention.
     */
    @Test
    void aZipMovedBackFromDoneIsUploadedAgain() throws Exception {
        Path made = zip(newName("redrop"), "1.0.0");
        Path inbox = java.nio.file.Files.createDirectories(dir.resolve("inbox"));
        Path done = inbox.resolve(".done").resolve(made.getFileName());
        java.nio.file.Files.setLastModifiedTime(made, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        emulator.clearRequests();
        moveInto(made, inbox, done, 1);
        assertEquals(1, zipsSent().size());
        emulator.clearRequests();

        moveInto(done, inbox, done, 2);

        assertEquals(1, zipsSent().size(), "uploaded again");
        assertEquals(false, fromInbox.get(1).getMessage().getHeader(ReactorConstants.DEPLOY_SKIPPED));
    }

    private void moveInto(Path file, Path inbox, Path done, int uploads) throws Exception {
        java.nio.file.Files.move(file, inbox.resolve(file.getFileName()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!(fromInbox.size() == uploads && java.nio.file.Files.exists(done) && context.getInflightRepository().size() == 0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("upload " + uploads + " from the inbox not done within 20 s");
            }
            Thread.sleep(10);
        }
        assertNull(fromInbox.get(uploads - 1).getException());
    }

    @Test
    void anUpdateWithANewZipIsSentOnceForItsDeployKey() throws Exception {
        String name = newName("update");
        ExtensionPackage created = template.requestBody(UPLOAD, zip(name, "1.0.0").toFile(), ExtensionPackage.class);
        Path next = zip(name, "1.0.1");
        emulator.clearRequests();

        ExtensionPackage updated = template.requestBody(UPLOAD, next.toFile(), ExtensionPackage.class);
        ExtensionPackage again = template.requestBody(UPLOAD, next.toFile(), ExtensionPackage.class);

        assertEquals(created.getId(), updated.getId());
        assertEquals("1.0.1", again.getVersion());
        assertEquals(created.getId(), again.getId());
        assertEquals(1, zipsSent().size());
        assertEquals("PATCH", zipsSent().get(0).method());

        template.requestBodyAndHeader(UPLOAD, next.toFile(), ReactorConstants.DEPLOY_KEY, "rebuild-2");
        assertEquals(2, zipsSent().size(), "another deploy key is another upload");
    }

    @Test
    void anUploadTakenUpAfterItsCreateWasSentAdoptsThePackageThatCreateMade() throws Exception {
        String name = newName("adopt");
        journal().entry("upload", "crashed-create").record("creating", null, null);
        ExtensionPackageSnapshot made = emulator.seedPackage(name, "1.0.0", "web", "development");

        ExtensionPackage pkg = template.requestBodyAndHeader(UPLOAD, zip(name, "1.0.0").toFile(),
                ReactorConstants.DEPLOY_KEY, "crashed-create", ExtensionPackage.class);

        assertEquals(made.id(), pkg.getId());
        assertEquals(List.of(), zipsSent());
    }

    @Test
    void anUploadTakenUpAfterItsCreateWasSentCreatesWhenNothingWasCreated() throws Exception {
        String name = newName("nocreate");
        journal().entry("upload", "lost-create").record("creating", null, null);

        ExtensionPackage pkg = template.requestBodyAndHeader(UPLOAD, zip(name, "1.0.0").toFile(),
                ReactorConstants.DEPLOY_KEY, "lost-create", ExtensionPackage.class);

        assertEquals("succeeded", pkg.getStatus());
        assertEquals(1, zipsSent().size());
        assertEquals("POST", zipsSent().get(0).method());
    }

    @Test
    void anUpdateTakenUpAfterItWasSentIsSentAgainOnlyIfThePackageDidNotChange() throws Exception {
        String name = newName("resend");
        ExtensionPackage created = template.requestBody(UPLOAD, zip(name, "1.0.0").toFile(), ExtensionPackage.class);
        journal().entry("upload", "took-effect").record("updating", created.getId(), "2001-01-01T00:00:00.000Z");
        journal().entry("upload", "lost").record("updating", created.getId(), created.getUpdatedAt());
        emulator.clearRequests();

        ExtensionPackage adopted = template.requestBodyAndHeader(UPLOAD, zip(name, "1.0.1").toFile(),
                ReactorConstants.DEPLOY_KEY, "took-effect", ExtensionPackage.class);
        assertEquals(created.getId(), adopted.getId());
        assertEquals(List.of(), zipsSent(), "updated_at moved since the update was sent: it took effect");

        ExtensionPackage resent = template.requestBodyAndHeader(UPLOAD, zip(name, "1.0.2").toFile(),
                ReactorConstants.DEPLOY_KEY, "lost", ExtensionPackage.class);
        assertEquals(1, zipsSent().size(), "updated_at as before the update: it did not take effect");
        assertEquals("1.0.2", resent.getVersion());
    }

    @Test
    void aReleaseIsJournaledPerDeployKey() throws Exception {
        String name = newName("release");
        ExtensionPackage created = template.requestBody(UPLOAD, zip(name, "1.0.0").toFile(), ExtensionPackage.class);
        Map<String, Object> headers = Map.of(ReactorConstants.EXTENSION_PACKAGE_ID, created.getId(),
                ReactorConstants.DEPLOY_KEY, "release-key");
        emulator.clearRequests();

        ExtensionPackage first = template.requestBodyAndHeaders(RELEASE, null, headers, ExtensionPackage.class);
        ExtensionPackage second = template.requestBodyAndHeaders(RELEASE, null, headers, ExtensionPackage.class);

        assertEquals("private", first.getAvailability());
        assertEquals("private", second.getAvailability());
        assertEquals(1, actionsSent().size());

        Exchange otherKey = send(RELEASE, null, ReactorConstants.EXTENSION_PACKAGE_ID, created.getId());
        assertTrue(failure(otherKey).getMessage().contains("already private"), "without the deploy key a second release is refused");
        assertEquals(1, actionsSent().size());
    }

    @Test
    void aZipWhoseProcessingFailedIsSentAgainOnTheNextTry() throws Exception {
        String name = newName("broken");
        Path broken = ExtensionZips.writeWithMissingFile(dir.resolve("broken.zip"), name, "1.0.0", "web");
        Exchange first = send(UPLOAD, broken.toFile(), null, null);
        assertInstanceOf(ReactorPackageFailedException.class, failure(first));
        emulator.clearRequests();

        Exchange second = send(UPLOAD, broken.toFile(), null, null);

        assertInstanceOf(ReactorPackageFailedException.class, failure(second));
        assertEquals(1, zipsSent().size(), "a failed processing is no reason to skip the upload");
    }
}
