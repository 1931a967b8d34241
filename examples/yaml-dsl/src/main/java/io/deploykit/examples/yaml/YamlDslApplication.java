package io.deploykit.examples.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.util.StringHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;
import io.deploykit.emulator.reactor.ExtensionZips;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * Runs the YAML routes with camel-main. The services are emulated in process only when asked for:
 * {@code deploykit.emulators=on} (both), {@code bc} or {@code reactor} (one), as a system property, the environment
 * variable {@code DEPLOYKIT_EMULATORS} or in application.properties. A service neither configured nor emulated fails
 * the start, naming what to set: a configuration that was not loaded never deploys to an in-process fake.
 */
public final class YamlDslApplication {

    static final String DEMO_CLIENT_ID = "deploykit-demo";
    static final String DEMO_CLIENT_SECRET = "demo-secret";
    /** A per-tenant extension on Base Application, named as AL's compiler names its file. */
    static final AppManifest DEMO_APP = new AppManifest("5e1d7d1c-2f2a-4c43-9a55-0d5c0a7d0e17", "DeployKit Demo",
            "DeployKit", AppVersion.parse("1.0.0.0"), List.of(new AppManifest.Dependency(
            "437dbf0e-84ff-417a-965d-ed2bb9650972", "Base Application", "Microsoft", AppVersion.parse("27.0.0.0"))));

    private static final Logger LOG = LoggerFactory.getLogger(YamlDslApplication.class);

    private YamlDslApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(YamlDslApplication.class);
        try (Emulated emulated = Emulated.start(main, Emulated.asked())) {
            main.addMainListener(new Guide(emulated));
            main.run(args);
        }
    }

    /**
     * Tells a newcomer where to drop files once the routes run: makes the inbox folders and, for an emulated service,
     * demo files to copy into them.
     */
    static final class Guide extends MainListenerSupport {
        private final Emulated emulated;

        Guide(Emulated emulated) {
            this.emulated = emulated;
        }

        @Override
        public void afterStart(BaseMainSupport main) {
            try {
                Path inbox = Path.of(main.getCamelContext().resolvePropertyPlaceholders("{{inbox}}")).toAbsolutePath();
                for (String folder : new String[] { "releases", "apps", "rapidstart", "pictures", "extensions" }) {
                    Files.createDirectories(inbox.resolve(folder));
                }
                LOG.info("Drop files into {}/releases (*.zip with a release.yaml), {}/apps (*.app), {}/rapidstart"
                         + " (*.rapidstart), {}/pictures (<item number>.png|jpg) and {}/extensions (*.zip); each moves"
                         + " to .done, or to .error with a .error.txt note", inbox, inbox, inbox, inbox, inbox);
                if (emulated.bc == null && emulated.reactor == null) {
                    return;
                }
                Path demo = inbox.resolveSibling("demo");
                if (emulated.bc != null) {
                    LOG.warn("Business Central is EMULATED in this process at {} (deploykit.emulators)",
                            emulated.bc.apiBaseUrl());
                    AppFile.write(Files.createDirectories(demo.resolve("apps")).resolve("DeployKit Demo_1.0.0.0.app"),
                            DEMO_APP);
                    RapidStartFiles.write(Files.createDirectories(demo.resolve("rapidstart"))
                            .resolve("DEMO-CUSTOMERS.rapidstart"), "DEMO-CUSTOMERS", "Demo customers", 3, 10);
                    Files.write(Files.createDirectories(demo.resolve("pictures")).resolve("1000.png"),
                            Images.png(320, 240));
                }
                if (emulated.reactor != null) {
                    LOG.warn("Adobe Tags is EMULATED in this process at {} (deploykit.emulators)",
                            emulated.reactor.baseUrl());
                    ExtensionZips.write(Files.createDirectories(demo.resolve("extensions"))
                            .resolve("deploykit-demo-1.0.0.zip"), "deploykit-demo", "1.0.0", "web");
                }
                LOG.info("Demo files to try: copy them into the inbox, e.g. cp -r {}/* {}/", demo, inbox);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not prepare the inbox", e);
            }
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

        static final String SWITCH = "deploykit.emulators";

        /** What {@code deploykit.emulators} asks for: off (the default), on, bc or reactor. */
        static String asked() {
            Properties application = applicationProperties();
            String asked = System.getProperty(SWITCH, System.getenv().getOrDefault("DEPLOYKIT_EMULATORS",
                    application.getProperty(SWITCH, "off")));
            return asked.trim().toLowerCase(Locale.ROOT);
        }

        /**
         * Starts the emulators asked for ({@code on}, {@code bc}, {@code reactor} or {@code off}) and points the
         * components at them; fails, naming what to set, when a service is neither configured nor asked for.
         */
        static Emulated start(Main main, String asked) {
            if (!java.util.List.of("on", "off", "bc", "reactor").contains(asked)) {
                throw new DeployKitException(SWITCH + " is '" + asked + "': on, off, bc or reactor");
            }
            Properties application = applicationProperties();
            Properties overrides = new Properties();
            BcEmulator bc = null;
            ReactorEmulator reactor = null;
            boolean bcConfigured = configured(application, "camel.component.bc.client-id")
                                   || configured(application, "camel.component.bc.access-token");
            boolean reactorConfigured = configured(application, "camel.component.reactor.client-id")
                                        || configured(application, "camel.component.reactor.access-token");
            List<String> missing = new ArrayList<>();
            if (!bcConfigured && !asked.equals("on") && !asked.equals("bc")) {
                missing.add("Business Central is not configured: set camel.component.bc.tenant-id, environment,"
                            + " company-name, client-id and client-secret (e.g. CAMEL_COMPONENT_BC_CLIENTSECRET)");
            }
            if (!reactorConfigured && !asked.equals("on") && !asked.equals("reactor")) {
                missing.add("Adobe Tags is not configured: set camel.component.reactor.client-id, client-secret and"
                            + " ims-org-id (e.g. CAMEL_COMPONENT_REACTOR_CLIENTSECRET)");
            }
            if (!missing.isEmpty()) {
                throw new DeployKitException(String.join("; ", missing) + ". To try the example without the services,"
                        + " ask for in-process emulators: " + SWITCH + "=on (mvn exec:exec -D" + SWITCH + "=on)");
            }
            if (asked.equals("on") || asked.equals("bc")) {
                bc = BcEmulator.builder().port(0).client(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET).start();
                overrides.put("camel.component.bc.base-url", bc.apiBaseUrl());
                overrides.put("camel.component.bc.tenant-id", bc.tenant());
                overrides.put("camel.component.bc.environment", bc.environment());
                overrides.put("camel.component.bc.token-url", bc.tokenUrl());
                overrides.put("camel.component.bc.company-name", "CRONUS USA, Inc.");
                overrides.put("camel.component.bc.client-id", DEMO_CLIENT_ID);
                overrides.put("camel.component.bc.client-secret", DEMO_CLIENT_SECRET);
                // the emulated apps have no publisher terms; against a real environment the user sets it
                overrides.put("camel.component.bc.accept-isv-eula", "true");
            }
            if (asked.equals("on") || asked.equals("reactor")) {
                reactor = ReactorEmulator.builder().port(0).client(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET).start();
                overrides.put("camel.component.reactor.base-url", reactor.baseUrl());
                overrides.put("camel.component.reactor.token-url", reactor.tokenUrl());
                overrides.put("camel.component.reactor.client-id", DEMO_CLIENT_ID);
                overrides.put("camel.component.reactor.client-secret", DEMO_CLIENT_SECRET);
            }
            if (!overrides.isEmpty()) {
                // the emulators' demo credentials are no secrets: no warning that they are set in plain text
                overrides.put("camel.security.allowedProperties", overrides.stringPropertyNames().stream()
                        .filter(name -> name.endsWith("client-id") || name.endsWith("client-secret"))
                        .map(StringHelper::dashToCamelCase).sorted().collect(Collectors.joining(",")));
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
