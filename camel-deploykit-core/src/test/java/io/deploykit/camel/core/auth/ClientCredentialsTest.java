package io.deploykit.camel.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ClientCredentialsTest {

    private static final URI TOKEN_URL = URI.create("https://login.example.com/t/oauth2/v2.0/token");

    @Test
    void nothingDerivedFromTheSecretIsPrinted() throws Exception {
        String secret = "s3cr3t-value";
        ClientCredentials credentials = ClientCredentials.of(TOKEN_URL, "client-1", secret, "scope/.default");
        String plainSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)));

        String printed = credentials.toString();
        assertFalse(printed.contains(secret), printed);
        assertFalse(printed.contains(credentials.secretDigest()), printed);
        assertNotEquals(plainSha256, credentials.secretDigest(), "not a hash anyone can compute from a guessed secret");
    }

    @Test
    void theSameCredentialsAreEqualAndAnotherSecretIsNot() {
        assertEquals(ClientCredentials.of(TOKEN_URL, "c", "one", null), ClientCredentials.of(TOKEN_URL, "c", "one", null));
        assertNotEquals(ClientCredentials.of(TOKEN_URL, "c", "one", null), ClientCredentials.of(TOKEN_URL, "c", "two", null));
    }
}
