package io.deploykit.camel.bc.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.junit5.BcConnection;
import io.deploykit.emulator.junit5.BcEmulatorExtension;

/** A connection's URI options, appended to an endpoint URI, reach the emulator with an unconfigured component. */
@ExtendWith(BcEmulatorExtension.class)
class ConnectionUriOptionsTest extends CamelTestSupport {

    @Test
    void anEndpointUriWithTheConnectionsOptionsListsTheCompanysPackages(BcEmulator bc, BcConnection connection) {
        List<?> packages = template.requestBody("bc:configurationPackage?operation=list&" + connection.uriOptions(),
                null, List.class);

        assertNotNull(packages);
        assertEquals(1, bc.tokenRequestCount());
        assertEquals(1, bc.requestCount("packages.list"));
    }
}
