package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.AppOperation;
import io.deploykit.camel.core.error.OperationInterruptedException;
import io.deploykit.camel.core.journal.DirectoryStateRepository;
import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;

/**
 * An app deploy stopped while its install runs: the exchange ends at once and the install goes on in Business
 * Central; with a stateRepository, the deploy taken up again in a new context waits for that install instead of
 * uploading the app a second time ({@code pteInstall} is not idempotent).
 */
class AppResumeTest extends BcTestSupport {

    private static final String DEPLOY = "bc:app?operation=deploy&acceptIsvEula=true&stateRepository=#states";

    private Path states() {
        return dir.resolve("app-states");
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("states", new DirectoryStateRepository(states()));
    }

    @BeforeEach
    void quickOperations() {
        emulator.apps().setOperationDuration(Duration.ofMillis(200));
    }

    @AfterEach
    void releaseOperations() {
        emulator.apps().holdOperations(false);
    }

    @Test
    void aDeployStoppedWhileItsInstallRunsEndsAtOnceAndANewContextWaitsForThatInstall() throws Exception {
        AppManifest app = new AppManifest(UUID.randomUUID().toString(), "Resumed", "Contoso",
                AppVersion.parse("1.0.0.0"), List.of());
        File file = AppFile.write(dir.resolve("resumed.app"), app).toFile();
        emulator.apps().holdOperations(true);

        Future<Exchange> first = template.asyncSend(DEPLOY, exchange -> exchange.getMessage().setBody(file));
        waitFor("the install uploaded and its operation polled", () -> emulator.requestCount("apps.pteInstall") == 1
                && emulator.requestCount("apps.operation") >= 1);
        context.getShutdownStrategy().setTimeout(1);
        context.stop();

        Exchange interrupted = first.get(10, TimeUnit.SECONDS);
        assertInstanceOf(OperationInterruptedException.class, failure(interrupted));
        assertEquals(0, context.getInflightRepository().size());
        assertTrue(emulator.apps().installed(app.id()).isEmpty(), "the install still runs in Business Central");

        CamelContext restarted = new DefaultCamelContext();
        restarted.addComponent("bc", newComponent());
        restarted.getRegistry().bind("states", new DirectoryStateRepository(states()));
        restarted.start();
        try (ProducerTemplate again = restarted.createProducerTemplate()) {
            long polled = emulator.requestCount("apps.operation");
            Future<Exchange> resuming = again.asyncSend(DEPLOY, exchange -> exchange.getMessage().setBody(file));
            waitFor("the new context polling the same operation", () -> emulator.requestCount("apps.operation") > polled);
            emulator.apps().holdOperations(false);
            Exchange resumed = resuming.get(30, TimeUnit.SECONDS);

            assertNull(resumed.getException());
            AppOperation operation = resumed.getMessage().getBody(AppOperation.class);
            assertTrue(operation.is("succeeded"), operation::toString);
            assertEquals(false, resumed.getMessage().getHeader(BcConstants.DEPLOY_SKIPPED), "resumed, not skipped");
            assertEquals(emulator.apps().installs().get(emulator.apps().installs().size() - 1).operationId(),
                    operation.id(), "the operation the first context started");
        } finally {
            restarted.stop();
        }
        assertEquals(1, emulator.requestCount("apps.pteInstall"), "uploaded once over both contexts");
        assertEquals(1, emulator.apps().installs().stream().filter(i -> i.appId().equals(app.id())).count());
        assertEquals("1.0.0.0", emulator.apps().installed(app.id()).orElseThrow().version().toString());
    }
}
