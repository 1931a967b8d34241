package com.example.deploykit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
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
        main.start(); // starts the context and the routes of routes.xml, without blocking as run() does
        try {
            NotifyBuilder bothDone = new NotifyBuilder(main.getCamelContext()).whenCompleted(2).create();
            RapidStartFiles.write(Files.createDirectories(inbox.resolve("rapidstart")).resolve("items.rapidstart"),
                    "XML-ITEMS", "Items from XML", 2, 3);
            ExtensionZips.write(Files.createDirectories(inbox.resolve("extensions")).resolve("xml-ext.zip"),
                    "xml-ext", "1.0.0", "web");

            assertTrue(bothDone.matches(30, TimeUnit.SECONDS), "both files deployed within 30 s");
            List<AppliedPackage> applies = bc.applies();
            assertEquals(1, applies.size(), "applied once: " + applies);
            assertEquals("XML-ITEMS", applies.get(0).packageCode());
            assertEquals(BC.connection().companyId(), applies.get(0).companyId());
            List<AcceptedUpload> uploads = reactor.uploads();
            assertEquals(1, uploads.size(), "uploaded once: " + uploads);
            assertEquals("xml-ext", uploads.get(0).name());
        } finally {
            main.stop();
        }
    }

    /** The connection's options under the keys application.properties sets ({@code client-id}, ...). */
    private static void override(Main main, String prefix, EmulatorConnection connection) {
        connection.options().forEach((name, value) ->
                main.addOverrideProperty(prefix + StringHelper.camelCaseToDash(name), value));
    }
}
