package io.deploykit.camel.bc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.camel.core.test.DeployKitTestSupport;
import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.PackageSnapshot;
import io.deploykit.emulator.junit5.BcConnection;
import io.deploykit.emulator.junit5.BcEmulatorExtension;
import io.deploykit.emulator.junit5.InjectEmulator;

/**
 * Runs the {@code bc:} component against a real Business Central emulator on a loopback port. The component is
 * configured once, as an application would (Spring Boot properties set the same options); each test names only the
 * operation and what it overrides.
 */
abstract class BcTestSupport extends DeployKitTestSupport {

    static final String TENANT = "tenant-1";
    static final String ENVIRONMENT = "production";
    static final String COMPANY = "CRONUS USA, Inc.";
    static final String CLIENT_ID = "client-1";
    static final String CLIENT_SECRET = "secret-1-do-not-log";
    static final String USER = "admin";
    static final String USER_KEY = "web-service-key-1";

    private static final AtomicInteger CODES = new AtomicInteger();

    /**
     * An emulator for each test class, started before its {@code @BeforeAll} methods and stopped after it; its request
     * record is cleared before each test and its faults after each.
     */
    @RegisterExtension
    static final BcEmulatorExtension BC_EMULATOR = BcEmulatorExtension.builder().tenant(TENANT).environment(ENVIRONMENT)
            .client(CLIENT_ID, CLIENT_SECRET).user(USER, USER_KEY).companyName(COMPANY)
            .tokenLifetime(Duration.ofMinutes(60)).jobStepDuration(Duration.ofMillis(100)).build();

    /** The emulator of the running test class. */
    @InjectEmulator
    static BcEmulator emulator;

    @TempDir
    Path dir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("bc", newComponent());
        return context;
    }

    /** The component as the tests configure it, for a context of a test's own too. */
    static BcComponent newComponent() {
        BcComponent bc = new BcComponent();
        BcConfiguration config = bc.getConfiguration();
        BcConnection connection = BC_EMULATOR.connection();
        config.setBaseUrl(connection.baseUrl());
        config.setTenantId(connection.tenantId());
        config.setEnvironment(connection.environment());
        config.setCompanyName(connection.companyName());
        config.setClientId(connection.clientId());
        config.setClientSecret(connection.clientSecret());
        config.setTokenUrl(connection.tokenUrl());
        config.setPollInterval(50);
        config.setRetryDelay(20);
        config.setMaxRetryDelay(2_000);
        return bc;
    }

    /** A package code no other test uses (codes are at most 20 characters). */
    static String newCode(String prefix) {
        return prefix + "-" + CODES.incrementAndGet();
    }

    String companyId() {
        return emulator.company(COMPANY).id();
    }

    /** Waits until the condition holds, failing the test when it does not within ten seconds. */
    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 10 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** The package of the company with this code now, as the emulator holds it. */
    Optional<PackageSnapshot> stored(String code) {
        return emulator.packageByCode(companyId(), code);
    }
}
