package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * Everything the component logs while it fetches tokens, is refused one, refreshes one after a 401 and deploys a
 * package, read back: no secret, no token, no Authorization header.
 */
class SecretsStayOutOfLogsTest extends BcTestSupport {

    @Test
    void noSecretOrTokenIsLogged() throws Exception {
        String wrongSecret = "wrong-secret-in-logs-7f3a";
        PrintStream original = System.err; // where the test logger writes
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertNotNull(send("bc:configurationPackage?operation=list&clientSecret=RAW(" + wrongSecret + ")", null, null, null)
                    .getException());
            emulator.faults().expireAllTokens();
            assertNull(send("bc:configurationPackage?operation=list", null, null, null).getException());
            String code = newCode("LOGS");
            assertNull(send("bc:configurationPackage?operation=deploy",
                    RapidStartFiles.write(dir.resolve("logs.rapidstart"), code, "Logs", 1, 1).file().toFile(), null, null)
                    .getException());
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("Deployed configuration package"), "the log was captured: " + logs);
        assertFalse(logs.contains(CLIENT_SECRET), "the client secret");
        assertFalse(logs.contains(wrongSecret), "a refused secret");
        assertFalse(logs.contains("Bearer "), "an Authorization header");
        assertFalse(logs.contains("access_token"), "a token response");
    }
}
