package io.deploykit.camel.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.error.AuthenticationException;
import io.deploykit.emulator.reactor.ExtensionZips;

/** Faults of the service and of the configuration, and the token cache. */
class ReactorResilienceTest extends ReactorTestSupport {

    private static final String LIST = "reactor:extensionPackage?operation=list";

    @Test
    void rateLimitsAndUnavailabilityAreRetried() throws Exception {
        emulator.faults().rateLimit(1, 1);
        emulator.faults().rateLimit(1, null);
        emulator.faults().serviceUnavailable(1, 0);
        Exchange result = send(LIST, null, null, null);
        assertNull(result.getException());
        assertEquals(3, emulator.requests().stream().filter(r -> r.status() == 429 || r.status() == 503).count());
    }

    @Test
    void aDroppedPollIsRetried() throws Exception {
        emulator.faults().matching("GET", "/extension_packages/EP.*").dropConnection(1);
        Exchange result = send("reactor:extensionPackage?operation=create",
                ExtensionZips.write(dir.resolve("d.zip"), newName("drop"), "1.0.0", "web").toFile(), null, null);
        assertNull(result.getException());
        assertEquals("succeeded", result.getMessage().getHeader(ReactorConstants.STATUS));
    }

    @Test
    void tokensAreSharedAndRefreshedAfterExpiry() {
        int before = emulator.tokenRequestCount();
        for (int i = 0; i < 10; i++) {
            assertNull(send(LIST, null, null, null).getException());
        }
        assertTrue(emulator.tokenRequestCount() - before <= 1);

        emulator.faults().expireAllTokens();
        int expired = emulator.tokenRequestCount();
        assertNull(send(LIST, null, null, null).getException());
        assertEquals(expired + 1, emulator.tokenRequestCount());
    }

    @Test
    void aWrongSecretIsExplainedWithoutTheSecret() {
        String wrong = "not-the-reactor-secret";
        AuthenticationException e = assertInstanceOf(AuthenticationException.class,
                failure(send(LIST + "&clientSecret=RAW(" + wrong + ")", null, null, null)));
        assertFalse(e.getMessage().contains(wrong));
        assertFalse(e.getMessage().contains(CLIENT_SECRET));
    }

    @Test
    void missingCredentialsFailAtEndpointCreation() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(LIST + "&clientId=&clientSecret="));
        assertTrue(e.getCause().getMessage().contains("No credentials"), e.getCause().getMessage());
        ResolveEndpointFailedException noKey = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(LIST + "&clientId=&clientSecret=&accessToken=abc"));
        assertTrue(noKey.getCause().getMessage().contains("apiKey"), noKey.getCause().getMessage());
        ResolveEndpointFailedException noOperation = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("reactor:extensionPackage"));
        assertTrue(noOperation.getCause().getMessage().contains("operation"));
    }

    @Test
    void secretsAreMaskedInTheEndpointUriCamelShows() {
        String shown = context.getEndpoint(LIST + "&clientSecret=RAW(shown-secret-1)&accessToken=RAW(shown-token-2)").toString();
        assertFalse(shown.contains("shown-secret-1") || shown.contains("shown-token-2"), shown);
    }
}
