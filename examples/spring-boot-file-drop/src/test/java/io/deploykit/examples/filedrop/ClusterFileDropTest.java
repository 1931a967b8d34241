package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;
import io.deploykit.emulator.reactor.ExtensionZips;

/**
 * Several instances of the application, each in its own JVM, on one inbox folder and one PostgreSQL: every file is
 * deployed once, and the file of an instance killed mid-deploy is taken over by another and deployed once.
 */
class ClusterFileDropTest {

    private static final Duration HEARTBEAT = Duration.ofMillis(300);
    private static final Duration TAKEOVER = Duration.ofSeconds(2);
    private static final Pattern PICKED = Pattern.compile("Picked ([^\\s:]+)");
    private static final List<String> ITEMS = List.of("1000", "1001", "1896-S", "1900-S");
    private static final List<AppManifest> APPS = List.of(app("cl-app-0"), app("cl-app-1"));

    @TempDir
    static Path work;
    static SharedServices services;

    @BeforeAll
    static void startServices() throws Exception {
        services = new SharedServices(Duration.ofMillis(150));
    }

    @AfterAll
    static void stopServices() throws Exception {
        services.close();
    }

    private List<String> instanceArguments(Path inbox) {
        List<String> arguments = services.instanceArguments(inbox, "--deploykit.example.release-private=true");
        arguments.addAll(services.clusterArguments(HEARTBEAT, TAKEOVER));
        return arguments;
    }

    @Test
    void twoInstancesOnOneFolderDeployEachFileOnceEvenWhenOneStartsMidDeploy() throws Exception {
        Path inbox = work.resolve("shared-inbox");
        List<String> files = new ArrayList<>();
        List<String> held = new ArrayList<>();
        try (ChildApplication first = ChildApplication.start("first", work, instanceArguments(inbox))) {
            first.awaitStarted();
            // first wave: deploys held mid-import, so the second instance starts while they are in flight
            for (int i = 0; i < 6; i++) {
                String code = "CL-PKG-" + i;
                services.bc.faults().stickJobsOf(code, true);
                held.add(code);
                files.add(dropPackage(inbox, code));
            }
            for (String code : held) {
                Eventually.await(code + " importing", Duration.ofSeconds(30),
                        () -> first.logged("Started the import of configuration package " + code), first::tail);
            }
            try (ChildApplication second = ChildApplication.start("second", work, instanceArguments(inbox))) {
                second.awaitStarted(); // a rolling restart: it starts while the first has files in flight
                held.forEach(code -> services.bc.faults().stickJobsOf(code, false));
                for (int i = 6; i < 12; i++) {
                    files.add(dropPackage(inbox, "CL-PKG-" + i));
                }
                for (String item : ITEMS) {
                    Files.write(inbox.resolve("pictures/" + item + ".png"), Images.png(10 + ITEMS.indexOf(item), 10));
                    files.add("pictures/" + item + ".png");
                }
                for (int i = 0; i < 4; i++) {
                    ExtensionZips.write(inbox.resolve("extensions/cl-ext-" + i + ".zip"), "cl-ext-" + i, "1.0." + i, "web");
                    files.add("extensions/cl-ext-" + i + ".zip");
                }
                for (AppManifest app : APPS) {
                    AppFile.write(inbox.resolve("apps/" + app.name() + ".app"), app);
                    files.add("apps/" + app.name() + ".app");
                }
                for (int i = 0; i < 2; i++) {
                    ReleaseZips.write(inbox.resolve("releases/cl-release-" + i + ".zip"), work.resolve("staged-" + i),
                            "cl-release-" + i, List.of("CL-REL-" + i));
                    files.add("releases/cl-release-" + i + ".zip");
                }

                for (String file : files) {
                    Path done = inbox.resolve(file).resolveSibling(".done").resolve(inbox.resolve(file).getFileName());
                    Eventually.await(file + " in .done", Duration.ofSeconds(90), () -> Files.exists(done),
                            () -> "; error notes: " + errorNotes(inbox) + first.tail() + second.tail());
                }
                Map<String, Long> picks = Stream.concat(first.matches(PICKED).stream(), second.matches(PICKED).stream())
                        .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
                for (String file : files) {
                    assertEquals(1L, picks.getOrDefault(Path.of(file).getFileName().toString(), 0L),
                            "picked by one instance, once: " + file + " " + picks);
                }
            }
        } finally {
            held.forEach(code -> services.bc.faults().stickJobsOf(code, false));
        }
        Map<String, Long> applies = new HashMap<>();
        services.bc.applies().forEach(apply -> applies.merge(apply.packageCode(), 1L, Long::sum));
        for (int i = 0; i < 12; i++) {
            assertEquals(1L, applies.getOrDefault("CL-PKG-" + i, 0L), "CL-PKG-" + i + " applied once: " + applies);
        }
        for (String item : ITEMS) {
            String id = services.bc.pictureOf(services.companyId(), "items", item).orElseThrow().parentId();
            assertEquals(1, services.bc.pictureUpdates().stream().filter(u -> u.parentId().equals(id)).count(),
                    "the picture of item " + item + " sent once");
        }
        for (int i = 0; i < 4; i++) {
            String name = "cl-ext-" + i;
            assertEquals(1, services.reactor.uploads().stream().filter(u -> name.equals(u.name())).count(), name + " uploaded once");
            assertEquals(1, services.reactor.releases().stream().filter(r -> name.equals(r.name())).count(), name + " released once");
        }
        for (AppManifest app : APPS) {
            assertEquals(1, installsOf(app), app.name() + " installed once");
        }
        for (int i = 0; i < 2; i++) {
            String code = "CL-REL-" + i;
            assertEquals(2, services.bc.applies().stream().filter(a -> a.packageCode().equals(code)).count(),
                    "the release's package applied once per company: " + code);
        }
        Eventually.await("no lock left behind", Duration.ofSeconds(30),
                () -> services.rows("SELECT processorName || ' ' || messageId FROM " + InboxCoordination.LOCK_TABLE).isEmpty(),
                () -> ": " + services.rows("SELECT processorName || ' ' || messageId FROM " + InboxCoordination.LOCK_TABLE));
        assertTrue(errorNotes(inbox).isEmpty(), "no failure: " + errorNotes(inbox));
    }

    private static AppManifest app(String name) {
        return new AppManifest(UUID.randomUUID().toString(), name, "Contoso", AppVersion.parse("1.0.0.0"), List.of());
    }

    private static long installsOf(AppManifest app) {
        return services.bc.apps().installs().stream().filter(install -> install.appId().equals(app.id())).count();
    }

    /** An app's install outlasts its instance: the survivor waits for that install, it never uploads the app again. */
    @Test
    void theAppOfAKilledInstanceIsTakenOverAndItsInstallAwaitedNotUploadedAgain() throws Exception {
        Path inbox = work.resolve("app-takeover-inbox");
        AppManifest app = app("taken-over");
        Path file = inbox.resolve("apps/taken-over.app");
        services.bc.apps().holdOperations(true); // the install runs until released: the kill lands mid-wait
        try (ChildApplication doomed = ChildApplication.start("doomed-app", work, instanceArguments(inbox))) {
            doomed.awaitStarted();
            AppFile.write(file, app);
            Eventually.await("the app uploaded by the first instance", Duration.ofSeconds(30),
                    () -> doomed.logged("from taken-over.app: operation"), doomed::tail);

            try (ChildApplication survivor = ChildApplication.start("survivor-app", work, instanceArguments(inbox))) {
                survivor.awaitStarted();
                Thread.sleep(TAKEOVER.multipliedBy(2).toMillis());
                assertTrue(!survivor.logged("Picked taken-over.app"), "taken from a live instance:" + survivor.tail());

                doomed.kill();
                Eventually.await("the survivor taking the app over", Duration.ofSeconds(30),
                        () -> survivor.logged("Picked taken-over.app"), survivor::tail);
                Eventually.await("the survivor waiting for the install the first one started", Duration.ofSeconds(30),
                        () -> survivor.logged("Resuming the deploy of app taken-over"), survivor::tail);
                services.bc.apps().holdOperations(false);

                Eventually.await("taken-over.app in .done", Duration.ofSeconds(60),
                        () -> Files.exists(inbox.resolve("apps/.done/taken-over.app")), survivor::tail);
            }
        } finally {
            services.bc.apps().holdOperations(false);
        }
        assertEquals(1, installsOf(app), "uploaded once: " + services.bc.apps().installs());
        assertEquals("1.0.0.0", services.bc.apps().installed(app.id()).orElseThrow().version().toString());
        assertTrue(Files.notExists(file), "moved out of the inbox");
    }

    private static String dropPackage(Path inbox, String code) throws java.io.IOException {
        RapidStartFiles.write(inbox.resolve("rapidstart/" + code + ".rapidstart"), code, "Cluster " + code, 1, 2);
        return "rapidstart/" + code + ".rapidstart";
    }

    @Test
    void theFileOfAKilledInstanceIsTakenOverAndItsDeployContinuedNotRepeated() throws Exception {
        Path inbox = work.resolve("takeover-inbox");
        String code = "CL-TAKEOVER";
        Path file = inbox.resolve("rapidstart/takeover.rapidstart");
        services.bc.faults().stickJobsOf(code, true); // the import stays Scheduled: the kill lands mid-deploy
        try (ChildApplication doomed = ChildApplication.start("doomed", work, instanceArguments(inbox))) {
            doomed.awaitStarted();
            RapidStartFiles.write(file, code, "Taken over", 2, 3);
            Eventually.await("the import requested by the first instance", Duration.ofSeconds(30),
                    () -> doomed.logged("Started the import of configuration package " + code), doomed::tail);

            try (ChildApplication survivor = ChildApplication.start("survivor", work, instanceArguments(inbox))) {
                survivor.awaitStarted();
                // while its holder lives and renews the lock, the file is not taken, however long the deploy takes
                Thread.sleep(TAKEOVER.multipliedBy(2).toMillis());
                assertTrue(!survivor.logged("Picked takeover.rapidstart"), "taken from a live instance:" + survivor.tail());

                doomed.kill();
                Eventually.await("the survivor taking the file over", Duration.ofSeconds(30),
                        () -> survivor.logged("Picked takeover.rapidstart"), survivor::tail);
                services.bc.faults().stickJobsOf(code, false);

                Eventually.await("takeover.rapidstart in .done", Duration.ofSeconds(60),
                        () -> Files.exists(inbox.resolve("rapidstart/.done/takeover.rapidstart")), survivor::tail);
                assertTrue(survivor.logged("Resuming the deploy of " + code), survivor.tail());
            }
        } finally {
            services.bc.faults().stickJobsOf(code, false);
        }
        assertEquals(1, services.bc.imports().stream().filter(i -> i.packageCode().equals(code)).count(), "imported once");
        assertEquals(1, services.bc.applies().stream().filter(a -> a.packageCode().equals(code)).count(), "applied once");
        assertEquals(1, services.bc.packages(services.companyId()).stream().filter(p -> p.code().equals(code)).count());
        assertTrue(Files.notExists(file), "moved out of the inbox");
    }

    private static List<String> errorNotes(Path inbox) {
        List<String> notes = new ArrayList<>();
        for (String folder : InboxCheck.FOLDERS) {
            try (Stream<Path> files = Files.list(inbox.resolve(folder).resolve(".error"))) {
                files.filter(f -> f.toString().endsWith(".error.txt")).forEach(note -> {
                    try {
                        notes.add(Files.readString(note).strip());
                    } catch (java.io.IOException e) {
                        notes.add(note + ": " + e);
                    }
                });
            } catch (java.io.IOException none) {
                // no .error folder yet
            }
        }
        return notes;
    }
}
