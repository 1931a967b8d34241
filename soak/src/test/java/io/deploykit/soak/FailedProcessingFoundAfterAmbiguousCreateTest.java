package io.deploykit.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.camel.reactor.ReactorComponent;
import io.deploykit.camel.reactor.ReactorConfiguration;
import io.deploykit.camel.reactor.ReactorPackageFailedException;
import io.deploykit.emulator.reactor.ExtensionZips;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * What the full soak found (an extension zip moved to .error for the wrong reason, and one that would have moved to
 * .done without release-private): a create answered 504 after Adobe acted is looked up, and by then the package's
 * processing may already have failed. The upload must fail with the processing's failure, as when it waits for a
 * pending package, not complete as if the package were deployed.
 */
class FailedProcessingFoundAfterAmbiguousCreateTest {

    @TempDir
    Path dir;

    @Test
    void anUploadWhoseCreateWasAnsweredAfterActingFailsWhenThePackageItFindsHasFailedProcessing() throws Exception {
        try (ReactorEmulator emulator = ReactorEmulator.builder().port(0).processingTime(Duration.ZERO).start();
             DefaultCamelContext camel = new DefaultCamelContext()) {
            ReactorComponent reactor = new ReactorComponent();
            ReactorConfiguration config = reactor.getConfiguration();
            config.setBaseUrl(emulator.baseUrl());
            config.setTokenUrl(emulator.tokenUrl());
            config.setClientId(ReactorEmulator.DEFAULT_CLIENT_ID);
            config.setClientSecret(ReactorEmulator.DEFAULT_CLIENT_SECRET);
            config.setImsOrgId(emulator.orgId());
            config.setPollInterval(50);
            camel.addComponent("reactor", reactor);
            camel.start();

            emulator.faults().failNextProcessing("broken on purpose");
            emulator.faults().matching("POST", "/extension_packages").gatewayTimeoutAfterActing(1);
            // the lookup after the 504 is answered once the processing has failed
            emulator.faults().matching("GET", "/extension_packages").slow(1, Duration.ofMillis(500));
            Path zip = ExtensionZips.write(dir.resolve("found-failed.zip"), "found-failed", "1.0.0", "web");

            ProducerTemplate template = camel.createProducerTemplate();
            Exchange result = template.send("reactor:extensionPackage?operation=upload",
                    exchange -> exchange.getMessage().setBody(zip.toFile()));

            Throwable failure = result.getException() instanceof CamelExecutionException wrapped
                    ? wrapped.getCause() : result.getException();
            assertNotNull(failure, () -> "the upload failed; its package: " + result.getMessage().getBody());
            assertInstanceOf(ReactorPackageFailedException.class, failure, failure::toString);
            assertEquals(1, emulator.uploads().size(), "the zip was sent once");
            assertEquals("failed", emulator.packages().get(0).status());
        }
    }
}
