package io.deploykit.emulator.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.reactor.ReactorEmulator;

/** The Reactor emulator extension hands the test a running emulator and what reaches it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReactorEmulatorExtensionTest {

    private static final String ORG = "ABCDEF0123456789@AdobeOrg";

    @RegisterExtension
    static final ReactorEmulatorExtension REACTOR = ReactorEmulatorExtension.builder().client("tags-ci", "tags-secret")
            .orgId(ORG).build();

    @InjectEmulator
    private ReactorEmulator field;

    @Test
    @Order(1)
    void theConnectionReachesTheEmulatorWithItsCredentials(ReactorEmulator reactor, ReactorConnection connection) {
        assertSame(REACTOR.emulator(), reactor);
        assertSame(reactor, field);
        assertEquals(new ReactorConnection(reactor.baseUrl(), reactor.tokenUrl(), "tags-ci", "tags-secret", ORG),
                connection);
        assertEquals("baseUrl=RAW(" + reactor.baseUrl() + ")&tokenUrl=RAW(" + reactor.tokenUrl()
                     + ")&clientId=RAW(tags-ci)&clientSecret=RAW(tags-secret)&imsOrgId=RAW(" + ORG + ")",
                connection.uriOptions());

        assertEquals(200, listPackages(connection).statusCode());
    }

    @Test
    @Order(2)
    void leavesAFaultBehind(ReactorEmulator reactor) {
        reactor.faults().stickProcessing(true);
        reactor.faults().rateLimit(5, 1);
        assertFalse(reactor.faults().pending().isEmpty());
    }

    @Test
    @Order(3)
    void findsNoFaultOfTheTestBefore(ReactorEmulator reactor, ReactorConnection connection) {
        assertEquals(List.of(), reactor.faults().pending());
        HttpResponse<String> packages = listPackages(connection);
        assertEquals(200, packages.statusCode(), "a leaked fault would answer 429: " + packages.body());
    }

    private static HttpResponse<String> listPackages(ReactorConnection connection) {
        String token = Http.token(connection.tokenUrl(), connection.clientId(), connection.clientSecret(),
                ReactorEmulator.SCOPE);
        return Http.get(connection.baseUrl() + "/extension_packages", "Authorization", "Bearer " + token,
                "Accept", "application/vnd.api+json;revision=1", "x-api-key", connection.clientId(),
                "x-gw-ims-org-id", connection.imsOrgId());
    }
}
