package io.deploykit.camel.release;

import java.time.Duration;

import org.apache.camel.impl.DefaultCamelContext;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.bc.BcConfiguration;
import io.deploykit.camel.reactor.ReactorComponent;
import io.deploykit.camel.reactor.ReactorConfiguration;
import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * The emulated Business Central (one environment, two companies) and Adobe Tags, and a Camel context whose bc and
 * reactor components point at them, as an application configures them.
 */
final class EmulatedServices implements AutoCloseable {

    static final String CLIENT_ID = "release-client";
    static final String SECRET = "release-secret";
    static final String CRONUS = "CRONUS USA, Inc.";
    static final String MY_COMPANY = "My Company";

    final BcEmulator bc;
    final ReactorEmulator reactor;
    final DefaultCamelContext camel;

    EmulatedServices() {
        bc = BcEmulator.builder().port(0).client(CLIENT_ID, SECRET).addEnvironment("sandbox")
                .jobStepDuration(Duration.ofMillis(50)).start();
        bc.apps().setOperationDuration(Duration.ofMillis(100));
        reactor = ReactorEmulator.builder().port(0).client(CLIENT_ID, SECRET).processingTime(Duration.ofMillis(100))
                .start();
        camel = newContext();
    }

    /** A context whose bc and reactor components point at these emulators, as an application configures them. */
    DefaultCamelContext newContext() {
        DefaultCamelContext camel = new DefaultCamelContext();
        BcComponent bcComponent = new BcComponent();
        BcConfiguration config = bcComponent.getConfiguration();
        config.setBaseUrl(bc.apiBaseUrl());
        config.setTenantId(bc.tenant());
        config.setEnvironment(bc.environment());
        config.setCompanyName(CRONUS);
        config.setTokenUrl(bc.tokenUrl());
        config.setClientId(CLIENT_ID);
        config.setClientSecret(SECRET);
        config.setPollInterval(50);
        config.setAcceptIsvEula(true); // the emulated apps have no publisher terms
        camel.addComponent("bc", bcComponent);
        ReactorComponent reactorComponent = new ReactorComponent();
        ReactorConfiguration rc = reactorComponent.getConfiguration();
        rc.setBaseUrl(reactor.baseUrl());
        rc.setTokenUrl(reactor.tokenUrl());
        rc.setClientId(CLIENT_ID);
        rc.setClientSecret(SECRET);
        rc.setImsOrgId(ReactorEmulator.DEFAULT_ORG_ID);
        rc.setPollInterval(50);
        camel.addComponent("reactor", reactorComponent);
        return camel;
    }

    @Override
    public void close() {
        camel.stop();
        bc.close();
        reactor.close();
    }
}
