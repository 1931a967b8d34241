package io.deploykit.benchmarks.measuredjvm;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import io.deploykit.benchmarks.support.EmulatorAdmin;
import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.bc.BcConfiguration;
import io.deploykit.camel.reactor.ReactorComponent;
import io.deploykit.camel.reactor.ReactorConfiguration;

/** A Camel context with the bc: and reactor: components configured for the emulators, as an application would. */
public final class ClientCamel {

    private ClientCamel() {
    }

    /**
     * @param bcBaseUrl      {@code http://127.0.0.1:PORT} of the Business Central emulator
     * @param reactorBaseUrl that of the Reactor emulator, or null
     * @param pollInterval   of both components
     */
    public static CamelContext create(String bcBaseUrl, String reactorBaseUrl, Duration pollInterval) {
        CamelContext context = new DefaultCamelContext();
        EmulatorAdmin bcEmulator = new EmulatorAdmin(bcBaseUrl);
        BcComponent bc = new BcComponent();
        BcConfiguration config = bc.getConfiguration();
        config.setBaseUrl(bcEmulator.bcApiBaseUrl());
        config.setTenantId(EmulatorAdmin.TENANT);
        config.setEnvironment(EmulatorAdmin.ENVIRONMENT);
        config.setCompanyName(EmulatorAdmin.COMPANY);
        config.setTokenUrl(bcEmulator.bcTokenUrl());
        config.setClientId(EmulatorAdmin.CLIENT_ID);
        config.setClientSecret(EmulatorAdmin.CLIENT_SECRET);
        config.setPollInterval(pollInterval.toMillis());
        context.addComponent("bc", bc);
        if (reactorBaseUrl != null) {
            ReactorComponent reactor = new ReactorComponent();
            ReactorConfiguration rc = reactor.getConfiguration();
            rc.setBaseUrl(reactorBaseUrl);
            rc.setTokenUrl(new EmulatorAdmin(reactorBaseUrl).reactorTokenUrl());
            rc.setClientId(EmulatorAdmin.CLIENT_ID);
            rc.setClientSecret(EmulatorAdmin.CLIENT_SECRET);
            rc.setImsOrgId(EmulatorAdmin.ORG_ID);
            rc.setPollInterval(pollInterval.toMillis());
            context.addComponent("reactor", reactor);
        }
        return context;
    }
}
