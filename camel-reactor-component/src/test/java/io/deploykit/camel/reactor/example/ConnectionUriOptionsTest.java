package io.deploykit.camel.reactor.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.deploykit.emulator.junit5.ReactorConnection;
import io.deploykit.emulator.junit5.ReactorEmulatorExtension;
import io.deploykit.emulator.reactor.ReactorEmulator;

/** A connection's URI options, appended to an endpoint URI, reach the emulator with an unconfigured component. */
@ExtendWith(ReactorEmulatorExtension.class)
class ConnectionUriOptionsTest extends CamelTestSupport {

    @Test
    void anEndpointUriWithTheConnectionsOptionsListsThePackages(ReactorEmulator reactor, ReactorConnection connection) {
        List<?> packages = template.requestBody("reactor:extensionPackage?operation=list&" + connection.uriOptions(),
                null, List.class);

        assertNotNull(packages);
        assertEquals(1, reactor.tokenRequestCount());
        assertEquals(1, reactor.requestCount("packages.list"));
    }
}
