package io.deploykit.emulator.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.bc.BcEmulator;

/** The Business Central emulator extension hands the test a running emulator and what reaches it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BcEmulatorExtensionTest {

    @RegisterExtension
    static final BcEmulatorExtension BC = BcEmulatorExtension.builder().tenant("tenant-x").environment("sandbox")
            .client("my-client", "my-secret").companyName("My Company").jobStepDuration(Duration.ofMillis(20))
            .build();

    @InjectEmulator
    static BcEmulator staticField;
    @InjectEmulator
    private BcConnection instanceField;

    private static BcEmulator seenBeforeAll;

    @BeforeAll
    static void beforeAll(BcEmulator bc) {
        seenBeforeAll = bc;
    }

    @Test
    @Order(1)
    void parametersFieldsAndTheExtensionHandOverTheOneEmulatorOfTheClass(BcEmulator bc, BcConnection connection) {
        assertSame(BC.emulator(), bc);
        assertSame(bc, staticField);
        assertSame(bc, seenBeforeAll, "started before @BeforeAll, the same for the whole class");
        assertSame(BC.connection(), connection);
        assertSame(connection, instanceField);
    }

    @Test
    @Order(2)
    void theConnectionReachesTheEmulatorWithItsCredentials(BcEmulator bc, BcConnection connection) {
        assertEquals(bc.apiBaseUrl(), connection.baseUrl());
        assertEquals(bc.tokenUrl(), connection.tokenUrl());
        assertEquals("tenant-x", connection.tenantId());
        assertEquals("sandbox", connection.environment());
        assertEquals("my-client", connection.clientId());
        assertEquals("my-secret", connection.clientSecret());
        assertEquals("My Company", connection.companyName());
        assertEquals(bc.company("My Company").id(), connection.companyId());

        String token = Http.token(connection.tokenUrl(), connection.clientId(), connection.clientSecret(),
                BcEmulator.SCOPE);
        HttpResponse<String> companies = Http.get(connection.baseUrl() + "/" + connection.tenantId() + "/"
                                                  + connection.environment() + "/api/v2.0/companies",
                "Authorization", "Bearer " + token);
        assertEquals(200, companies.statusCode(), companies::body);
        assertTrue(companies.body().contains(connection.companyId()), companies::body);
    }

    @Test
    @Order(3)
    void theConnectionGivesTheComponentOptionsAsAMapUriParametersAndProperties(BcConnection connection) {
        Map<String, String> options = connection.options();
        assertEquals(List.of("baseUrl", "tokenUrl", "tenantId", "environment", "companyName", "clientId",
                "clientSecret"), List.copyOf(options.keySet()));
        assertEquals(connection.baseUrl(), options.get("baseUrl"));
        assertEquals("My Company", options.get("companyName"));
        options.clear(); // a new map each time, free to change
        assertEquals(7, connection.options().size());

        assertEquals("baseUrl=RAW(" + connection.baseUrl() + ")&tokenUrl=RAW(" + connection.tokenUrl()
                     + ")&tenantId=RAW(tenant-x)&environment=RAW(sandbox)&companyName=RAW(My Company)"
                     + "&clientId=RAW(my-client)&clientSecret=RAW(my-secret)", connection.uriOptions());

        Properties properties = connection.properties("camel.component.bc.");
        assertEquals(connection.tokenUrl(), properties.getProperty("camel.component.bc.tokenUrl"));
        assertEquals("my-secret", properties.getProperty("camel.component.bc.clientSecret"));
        assertFalse(connection.toString().contains("my-secret"), connection::toString);
    }

    @Test
    @Order(4)
    void leavesFaultsBehind(BcEmulator bc, BcConnection connection) {
        bc.faults().stickJobs(true);
        bc.faults().serviceUnavailable(5, null);
        Http.token(connection.tokenUrl(), connection.clientId(), connection.clientSecret(), BcEmulator.SCOPE);
        assertFalse(bc.faults().pending().isEmpty());
        assertEquals(1, bc.tokenRequestCount());
    }

    @Test
    @Order(5)
    void findsNeitherTheFaultsNorTheRequestsOfTheTestBefore(BcEmulator bc, BcConnection connection) {
        assertEquals(List.of(), bc.requests(), "the request record is cleared before each test");
        assertEquals(List.of(), bc.faults().pending(), "the faults are cleared after each test");

        String token = Http.token(connection.tokenUrl(), connection.clientId(), connection.clientSecret(),
                BcEmulator.SCOPE);
        HttpResponse<String> companies = Http.get(connection.baseUrl() + "/" + connection.tenantId() + "/"
                                                  + connection.environment() + "/api/v2.0/companies",
                "Authorization", "Bearer " + token);
        assertEquals(200, companies.statusCode(), "a leaked fault would answer 503: " + companies.body());
    }
}
