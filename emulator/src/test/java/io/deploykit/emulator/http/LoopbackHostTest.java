package io.deploykit.emulator.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackHostTest {

    @Test
    void loopbackNamesWithOrWithoutAPort() {
        for (String host : new String[] {"localhost", "LocalHost:7048", "127.0.0.1", "127.0.0.1:7049", "[::1]",
                "[::1]:7048", " localhost:80 "}) {
            assertTrue(LoopbackHost.is(host), host);
        }
    }

    @Test
    void anyOtherNameOrNone() {
        for (String host : new String[] {null, "", "example.com", "localhost.example.com", "localhost:7048.evil",
                "127.0.0.1.nip.io", "127.0.0.2", "::1", "[::1]x", "[::2]:7048", "0.0.0.0:7048", "localhost:x"}) {
            assertFalse(LoopbackHost.is(host), String.valueOf(host));
        }
    }
}
