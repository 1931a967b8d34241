package io.deploykit.examples.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

import org.apache.camel.main.Main;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * Runs the YAML routes with camel-main. A service whose credentials are not configured (in application.properties,
 * system properties or the environment) is emulated in process and the component pointed at it.
 */
public final class YamlDslApplication {

    static final String DEMO_CLIENT_ID = "deploykit-demo";
    static final String DEMO_CLIENT_SECRET = "demo-secret";

    private YamlDslApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(YamlDslApplication.class);
        try (Emulated emulated = Emulated.startUnlessConfigured(main)) {
            main.run(args);
        }
    }

    /** The emulators started for this run, closed when camel-main ends. */
    static final class Emulated implements AutoCloseable {
        final BcEmulator bc;
        final ReactorEmulator reactor;

        private Emulated(BcEmulator bc, ReactorEmulator reactor) {
            this.bc = bc;
            this.reactor = reactor;
        }

        static Emulated startUnlessConfigured(Main main) {
            Properties application = applicationProperties();
            Properties overrides = new Properties();
            BcEmulator bc = null;
            ReactorEmulator reactor = null;
            if (!configured(application, "camel.component.bc.client-id")
                && !configured(application, "camel.component.bc.access-token")) {
                bc = BcEmulator.builder().port(0).client(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET).start();
                overrides.put("camel.component.bc.base-url", bc.apiBaseUrl());
                overrides.put("camel.component.bc.tenant-id", bc.tenant());
                overrides.put("camel.component.bc.environment", bc.environment());
                overrides.put("camel.component.bc.token-url", bc.tokenUrl());
                overrides.put("camel.component.bc.company-name", "CRONUS USA, Inc.");
                overrides.put("camel.component.bc.client-id", DEMO_CLIENT_ID);
                overrides.put("camel.component.bc.client-secret", DEMO_CLIENT_SECRET);
            }
            if (!configured(application, "camel.component.reactor.client-id")
                && !configured(application, "camel.component.reactor.access-token")) {
                reactor = ReactorEmulator.builder().port(0).client(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET).start();
                overrides.put("camel.component.reactor.base-url", reactor.baseUrl());
                overrides.put("camel.component.reactor.token-url", reactor.tokenUrl());
                overrides.put("camel.component.reactor.client-id", DEMO_CLIENT_ID);
                overrides.put("camel.component.reactor.client-secret", DEMO_CLIENT_SECRET);
            }
            overrides.forEach((key, value) -> main.addOverrideProperty((String) key, (String) value));
            return new Emulated(bc, reactor);
        }

        /** Set in application.properties, as a system property or as an environment variable. */
        private static boolean configured(Properties application, String property) {
            String env = property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
            return application.getProperty(property) != null || System.getProperty(property) != null
                   || System.getenv(env) != null;
        }

        private static Properties applicationProperties() {
            Properties properties = new Properties();
            try (InputStream in = YamlDslApplication.class.getResourceAsStream("/application.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read application.properties", e);
            }
            return properties;
        }

        @Override
        public void close() {
            if (bc != null) {
                bc.close();
            }
            if (reactor != null) {
                reactor.close();
            }
        }
    }
}
