package io.deploykit.camel.reactor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.camel.core.test.DeployKitTestSupport;
import io.deploykit.emulator.junit5.InjectEmulator;
import io.deploykit.emulator.junit5.ReactorConnection;
import io.deploykit.emulator.junit5.ReactorEmulatorExtension;
import io.deploykit.emulator.reactor.ReactorEmulator;

/** Runs the {@code reactor:} component against a real Reactor and IMS emulator on a loopback port. */
abstract class ReactorTestSupport extends DeployKitTestSupport {

    static final String CLIENT_ID = "reactor-client";
    static final String CLIENT_SECRET = "reactor-secret-do-not-log";
    static final String ORG = "0123456789ABCDEF@AdobeOrg";

    private static final AtomicInteger NAMES = new AtomicInteger();

    /**
     * An emulator for each test class, started before its {@code @BeforeAll} methods and stopped after it; its request
     * record is cleared before each test and its faults after each.
     */
    @RegisterExtension
    static final ReactorEmulatorExtension REACTOR_EMULATOR = ReactorEmulatorExtension.builder()
            .client(CLIENT_ID, CLIENT_SECRET).orgId(ORG).processingTime(Duration.ofMillis(150)).build();

    /** The emulator of the running test class. */
    @InjectEmulator
    static ReactorEmulator emulator;

    @TempDir
    Path dir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ReactorComponent reactor = new ReactorComponent();
        ReactorConfiguration config = reactor.getConfiguration();
        ReactorConnection connection = REACTOR_EMULATOR.connection();
        config.setBaseUrl(connection.baseUrl());
        config.setTokenUrl(connection.tokenUrl());
        config.setClientId(connection.clientId());
        config.setClientSecret(connection.clientSecret());
        config.setImsOrgId(connection.imsOrgId());
        config.setPollInterval(50);
        config.setRetryDelay(20);
        config.setMaxRetryDelay(2_000);
        context.addComponent("reactor", reactor);
        return context;
    }

    /** An extension name no other test uses. */
    static String newName(String prefix) {
        return prefix + "-ext-" + NAMES.incrementAndGet();
    }
}
