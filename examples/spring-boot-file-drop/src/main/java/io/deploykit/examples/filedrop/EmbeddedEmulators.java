package io.deploykit.examples.filedrop;

import org.apache.camel.spi.ComponentCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.bc.BcConfiguration;
import io.deploykit.camel.reactor.ReactorComponent;
import io.deploykit.camel.reactor.ReactorConfiguration;
import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * The emulators asked for with {@code deploykit.example.emulators} (on, bc or reactor): each runs in process on a free
 * loopback port, its component is pointed at it, and a warning says so at start.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedEmulators {

    static final String DEMO_CLIENT_ID = "deploykit-demo";
    static final String DEMO_CLIENT_SECRET = "demo-secret";
    static final String DEMO_COMPANY = "CRONUS USA, Inc.";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEmulators.class);

    @Bean(destroyMethod = "close")
    @Conditional(EmulatedService.BusinessCentral.class)
    BcEmulator bcEmulator(FileDropProperties properties) {
        // a sandbox beside production, as a tenant has, for the demo release's first wave
        BcEmulator emulator = BcEmulator.builder().port(0).client(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
                .addEnvironment(DemoRelease.SANDBOX).jobStepDuration(properties.getEmulatorJobStep()).start();
        LOG.warn("Business Central is EMULATED in this process at {} (deploykit.example.emulators): nothing"
                 + " reaches a real Business Central", emulator.baseUrl());
        return emulator;
    }

    @Bean
    @Conditional(EmulatedService.BusinessCentral.class)
    ComponentCustomizer bcOnEmulator(BcEmulator emulator, FileDropProperties properties) {
        return ComponentCustomizer.builder(BcComponent.class).build(bc -> {
            BcConfiguration config = bc.getConfiguration();
            // the emulated jobs take seconds, not minutes: poll at their pace so the log shows every status
            config.setPollInterval(properties.getEmulatorJobStep().toMillis());
            config.setBaseUrl(emulator.apiBaseUrl());
            config.setTenantId(emulator.tenant());
            config.setEnvironment(emulator.environment());
            config.setTokenUrl(emulator.tokenUrl());
            config.setClientId(DEMO_CLIENT_ID);
            config.setClientSecret(DEMO_CLIENT_SECRET);
            // the emulated apps carry no publisher's terms; against Business Central the operator sets
            // camel.component.bc.accept-isv-eula=true, or each app goes to .error with a note saying what it means
            config.setAcceptIsvEula(true);
            if (config.getCompanyId() == null && config.getCompanyName() == null) {
                config.setCompanyName(DEMO_COMPANY);
            }
        });
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmulatedService.AdobeTags.class)
    ReactorEmulator reactorEmulator() {
        ReactorEmulator emulator = ReactorEmulator.builder().port(0).client(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET).start();
        LOG.warn("Adobe Tags is EMULATED in this process at {} (deploykit.example.emulators): nothing reaches"
                 + " Adobe", emulator.baseUrl());
        return emulator;
    }

    @Bean
    @Conditional(EmulatedService.AdobeTags.class)
    ComponentCustomizer reactorOnEmulator(ReactorEmulator emulator) {
        return ComponentCustomizer.builder(ReactorComponent.class).build(reactor -> {
            ReactorConfiguration config = reactor.getConfiguration();
            config.setBaseUrl(emulator.baseUrl());
            config.setTokenUrl(emulator.tokenUrl());
            config.setClientId(DEMO_CLIENT_ID);
            config.setClientSecret(DEMO_CLIENT_SECRET);
        });
    }
}
