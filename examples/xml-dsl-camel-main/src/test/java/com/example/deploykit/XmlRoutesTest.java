package com.example.deploykit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.apache.camel.main.Main;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.bc.AppliedPackage;
import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.junit5.BcEmulatorExtension;
import io.deploykit.emulator.junit5.EmulatorConnection;
import io.deploykit.emulator.junit5.ReactorEmulatorExtension;
import io.deploykit.emulator.reactor.AcceptedUpload;
import io.deploykit.emulator.reactor.ExtensionZips;
import io.deploykit.emulator.reactor.ReactorEmulator;

/** routes.xml and application.properties as shipped, run by camel-main against both emulators over HTTP. */
class XmlRoutesTest {

    @RegisterExtension
    static final BcEmulatorExtension BC = BcEmulatorExtension.builder().build();
    @RegisterExtension
    static final ReactorEmulatorExtension REACTOR = ReactorEmulatorExtension.builder().build();

    @TempDir
    Path inbox;

    @Test
    void aDroppedPackageIsAppliedOnceAndADroppedZipIsUploaded(BcEmulator bc, ReactorEmulator reactor)
            throws Exception {
        Main main = new Main();
        main.addOverrideProperty("inbox", inbox.toString());
        main.addOverrideProperty("readLockMinAge", "200");
        // what the environment variables of application.properties give a real run
        override(main, "camel.component.bc.", BC.connection());
        override(main, "camel.component.reactor.", REACTOR.connection());
        main.addOverrideProperty("camel.component.bc.poll-interval", "100");
        main.addOverrideProperty("camel.component.reactor.poll-interval", "100");
        Thread runner = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "camel-main");
        runner.start();
        try {
            await("both XML routes started", () -> main.getCamelContext() != null
                                                   && main.getCamelContext().isStarted()
                                                   && main.getCamelContext().getRoutes().size() == 2);
            RapidStartFiles.write(Files.createDirectories(inbox.resolve("rapidstart")).resolve("items.rapidstart"),
                    "XML-ITEMS", "Items from XML", 2, 3);
            ExtensionZips.write(Files.createDirectories(inbox.resolve("extensions")).resolve("xml-ext.zip"),
                    "xml-ext", "1.0.0", "web");

            await("items.rapidstart in .done", () -> Files.exists(inbox.resolve("rapidstart/.done/items.rapidstart")));
            await("xml-ext.zip in .done", () -> Files.exists(inbox.resolve("extensions/.done/xml-ext.zip")));

            List<AppliedPackage> applies = bc.applies();
            assertEquals(1, applies.size(), "applied once: " + applies);
            assertEquals("XML-ITEMS", applies.get(0).packageCode());
            assertEquals(BC.connection().companyId(), applies.get(0).companyId());
            List<AcceptedUpload> uploads = reactor.uploads();
            assertEquals(1, uploads.size(), "uploaded once: " + uploads);
            assertEquals("xml-ext", uploads.get(0).name());
            assertFalse(Files.exists(inbox.resolve("rapidstart/.error")), "nothing failed");
        } finally {
            main.stop();
            runner.join(30_000);
        }
    }

    /** The connection's options under the keys application.properties sets ({@code client-id}, ...). */
    private static void override(Main main, String prefix, EmulatorConnection connection) {
        connection.options().forEach((name, value) ->
                main.addOverrideProperty(prefix + StringHelper.camelCaseToDash(name), value));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
