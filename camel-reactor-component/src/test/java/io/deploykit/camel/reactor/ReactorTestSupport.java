package io.deploykit.camel.reactor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.reactor.ReactorEmulator;

/** Runs the {@code reactor:} component against a real Reactor and IMS emulator on a loopback port. */
abstract class ReactorTestSupport extends CamelTestSupport {

    static final String CLIENT_ID = "reactor-client";
    static final String CLIENT_SECRET = "reactor-secret-do-not-log";
    static final String ORG = "0123456789ABCDEF@AdobeOrg";

    private static final AtomicInteger NAMES = new AtomicInteger();

    static ReactorEmulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEmulator() {
        emulator = ReactorEmulator.builder().port(0).client(CLIENT_ID, CLIENT_SECRET)
                .processingTime(Duration.ofMillis(150)).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void clearFaults() {
        emulator.faults().clear();
        emulator.clearRequests();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ReactorComponent reactor = new ReactorComponent();
        ReactorConfiguration config = reactor.getConfiguration();
        config.setBaseUrl(emulator.baseUrl());
        config.setTokenUrl(emulator.tokenUrl());
        config.setClientId(CLIENT_ID);
        config.setClientSecret(CLIENT_SECRET);
        config.setImsOrgId(ORG);
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

    Exchange send(String uri, Object body, String header, Object value) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            if (header != null) {
                exchange.getMessage().setHeader(header, value);
            }
        });
    }

    static Throwable failure(Exchange exchange) {
        Throwable e = exchange.getException();
        return e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e;
    }
}
