package io.deploykit.camel.bc.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.emulator.bc.AppliedPackage;
import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.junit5.BcEmulatorExtension;

/** The README's example of a user's own route tested against the emulator extension, run as it stands there. */
class UserRouteExampleTest extends CamelTestSupport {

    @RegisterExtension
    static final BcEmulatorExtension BC = BcEmulatorExtension.builder().build();

    @TempDir
    static Path inbox; // static: CamelTestSupport asks for the properties when it makes the test instance

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BcComponent bc = new BcComponent(); // configured as application.properties would: camel.component.bc.*
        Map<String, Object> options = new HashMap<>(BC.connection().options());
        options.put("pollInterval", 50); // the emulator's job steps take 100 ms: look often
        PropertyBindingSupport.bindProperties(context, bc.getConfiguration(), options);
        context.addComponent("bc", bc);
        return context;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.setProperty("inbox", inbox.toString());
        return properties;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RapidStartRoute();
    }

    @Test
    void deploysADroppedFileAndMovesItToDone(BcEmulator bc) throws Exception {
        RapidStartFiles.write(inbox.resolve("ITEMS.rapidstart"), "ITEMS", "Items", 2, 5);

        awaitFile(inbox.resolve(".done/ITEMS.rapidstart"));
        List<AppliedPackage> applies = bc.applies();
        assertEquals(1, applies.size());
        assertEquals("ITEMS", applies.get(0).packageCode());
        assertEquals(10, bc.packageByCode(BC.connection().companyId(), "ITEMS").orElseThrow().numberOfRecords());
    }

    @Test
    void aFailedApplyMovesTheFileToError(BcEmulator bc) throws Exception {
        bc.faults().applyFailure("PRICES", "The Unit Price must not be negative."); // cleared after this test

        RapidStartFiles.write(inbox.resolve("PRICES.rapidstart"), "PRICES", "Prices", 1, 3);

        awaitFile(inbox.resolve(".error/PRICES.rapidstart"));
        assertFalse(Files.exists(inbox.resolve(".done/PRICES.rapidstart")));
        assertTrue(bc.applies().stream().anyMatch(apply -> apply.packageCode().equals("PRICES")));
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not there within 20 s: " + file);
            }
            Thread.sleep(20);
        }
    }
}
