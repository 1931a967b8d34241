package io.deploykit.emulator.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.RunningEmulator;

/** The rules a create, update or release must pass, each refused with its JSON:API error. */
class PackageRulesTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().processingTime(Duration.ofMillis(50)).start(), ReactorEmulator::faults);

    private static ReactorEmulator emulator;
    private static ReactorClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new ReactorClient(emulator);
    }

    @Test
    void anExtensionHasOneDevelopmentPackagePerPlatform() throws IOException {
        String name = newName();
        String first = client.created(zip(name, "1.0.0", "web"));

        ApiResponse second = client.create(zip(name, "1.0.1", "web"));
        ApiResponse edge = client.create(zip(name, "1.0.0", "edge"));

        assertEquals(422, second.status(), second::toString);
        assertEquals("not-unique", second.errorCode());
        assertEquals("/data/attributes/name", second.error().path("source").path("pointer").asText());
        assertTrue(second.error().get("detail").asText().contains(first), second::toString);
        assertEquals(201, edge.status(), edge::toString);
        assertEquals(2, emulator.packages().stream().filter(p -> name.equals(p.name())).count());
    }

    @Test
    void aPendingOrFailedDevelopmentPackageCountsToo() throws IOException {
        String name = newName();
        String failed = client.created(ExtensionZips.writeWithMissingFile(dir.resolve("m.zip"), name, "1.0.0", "web"));
        client.awaitProcessed(failed);

        assertEquals("not-unique", client.create(zip(name, "1.0.0", "web")).errorCode());

        String other = newName();
        emulator.faults().stickProcessing(true);
        client.created(zip(other, "1.0.0", "web"));
        assertEquals("not-unique", client.create(zip(other, "1.0.1", "web")).errorCode());
    }

    @Test
    void aNewVersionMustBeGreaterThanEveryReleasedOne() throws IOException {
        String name = newName();
        emulator.seedPackage(name, "1.2.0", "web", "private");
        emulator.seedPackage(name, "1.0.0", "web", "public");

        ApiResponse older = client.create(zip(name, "1.1.0", "web"));
        ApiResponse same = client.create(zip(name, "1.2.0", "web"));
        ApiResponse preRelease = client.create(zip(name, "1.2.0-beta.1", "web"));
        ApiResponse greater = client.create(zip(name, "1.2.1", "web"));

        for (ApiResponse refused : new ApiResponse[] {older, same, preRelease}) {
            assertEquals(422, refused.status(), refused::toString);
            assertEquals("invalid-version", refused.errorCode());
            assertTrue(refused.error().get("detail").asText().contains("private version 1.2.0"), refused::toString);
        }
        assertEquals(201, greater.status(), greater::toString);
        String id = greater.data().get("id").asText();
        client.awaitProcessed(id);
        ApiResponse downgrade = client.update(id, zip(name, "1.1.9", "web"));
        assertEquals("invalid-version", downgrade.errorCode());
        assertEquals("1.2.1", emulator.extensionPackage(id).version());
    }

    @Test
    void afterAReleaseTheNextPackageNeedsAGreaterVersion() throws IOException {
        String name = newName();
        String released = client.created(zip(name, "1.0.0", "web"));
        client.awaitProcessed(released);
        assertEquals(200, client.action(released, "release_private").status());

        assertEquals("invalid-version", client.create(zip(name, "1.0.0", "web")).errorCode());
        ApiResponse next = client.create(zip(name, "1.0.1", "web"));
        assertEquals(201, next.status(), next::toString);
        assertEquals("development", next.attributes().get("availability").asText());
    }

    @Test
    void aNameOwnedByAnotherOrganizationIsRefused() throws IOException {
        String name = newName();
        emulator.ownedByAnotherOrg(name);

        ApiResponse refused = client.create(zip(name, "1.0.0", "web"));

        assertEquals(422, refused.status());
        assertEquals("invalid-name", refused.errorCode());
        assertTrue(emulator.packages().stream().noneMatch(p -> name.equals(p.name())));
    }

    @Test
    void aZipOfAnotherExtensionCannotUpdateAPackage() throws IOException {
        String id = client.created(zip(newName(), "1.0.0", "web"));

        ApiResponse refused = client.update(id, zip(newName(), "1.0.0", "web"));

        assertEquals(422, refused.status());
        assertEquals("invalid-name", refused.errorCode());
    }

    @Test
    void onlyAPackageWhoseProcessingSucceededCanBeReleased() throws IOException {
        String failed = client.created(ExtensionZips.writeWithMissingFile(dir.resolve("m.zip"), newName(), "1.0.0",
                "web"));
        client.awaitProcessed(failed);
        emulator.faults().stickProcessing(true);
        String pending = client.created(zip(newName(), "1.0.0", "web"));

        for (String id : new String[] {failed, pending}) {
            ApiResponse refused = client.action(id, "release_private");
            assertEquals(422, refused.status(), refused::toString);
            assertEquals("invalid-status", refused.errorCode());
            assertEquals("development", emulator.extensionPackage(id).availability());
        }
    }

    @Test
    void concurrentCreatesOfOneExtensionMakeOnePackage() throws Exception {
        String name = newName();
        Path zip = zip(name, "1.0.0", "web");
        client.token();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                sent.add(senders.submit(() -> client.create(zip).status()));
            }
            for (Future<Integer> status : sent) {
                statuses.add(status.get(30, TimeUnit.SECONDS));
            }
        } finally {
            senders.shutdownNow();
        }

        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses::toString);
        assertEquals(15, statuses.stream().filter(status -> status == 422).count(), statuses::toString);
        assertEquals(1, emulator.packages().stream().filter(p -> name.equals(p.name())).count());
    }

    @Test
    void seedingFollowsTheRulesToo() {
        String name = newName();
        emulator.seedPackage(name, "1.0.0", "web", "development");

        assertThrows(IllegalStateException.class, () -> emulator.seedPackage(name, "1.0.1", "web", "development"));
        assertThrows(IllegalArgumentException.class, () -> emulator.seedPackage(name, "1.0", "web", "private"));
        assertThrows(IllegalArgumentException.class, () -> emulator.seedPackage(name, "1.0.0", "mobile", "private"));
        assertThrows(IllegalArgumentException.class, () -> emulator.seedPackage(name, "1.0.0", "web", "released"));
    }

    private Path zip(String name, String version, String platform) throws IOException {
        return ExtensionZips.write(dir.resolve(name + "-" + version + "-" + platform + ".zip"), name, version,
                platform);
    }

    private static String newName() {
        return "rules-" + NAMES.incrementAndGet();
    }
}
