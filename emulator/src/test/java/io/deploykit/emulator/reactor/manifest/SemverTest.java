package io.deploykit.emulator.reactor.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SemverTest {

    @Test
    void ordersBySemanticVersioningPrecedence() {
        List<String> ascending = List.of("0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "10.0.0");
        for (int i = 1; i < ascending.size(); i++) {
            Semver lower = parse(ascending.get(i - 1));
            Semver higher = parse(ascending.get(i));
            assertTrue(lower.compareTo(higher) < 0, lower + " < " + higher);
            assertTrue(higher.compareTo(lower) > 0, higher + " > " + lower);
        }
    }

    @Test
    void ignoresBuildMetadata() {
        assertEquals(0, parse("1.2.3+build.5").compareTo(parse("1.2.3")));
    }

    @Test
    void refusesWhatIsNotASemanticVersion() {
        for (String text : new String[] {"1.0", "1", "v1.0.0", "1.0.0.0", "01.0.0", "1.0.0-", "", "1.0.0 ",
                                         "99999999999999999999.0.0"}) {
            assertTrue(Semver.parse(text).isEmpty(), text);
        }
        assertTrue(Semver.parse(null).isEmpty());
    }

    private static Semver parse(String text) {
        return Semver.parse(text).orElseThrow(() -> new AssertionError("Not parsed: " + text));
    }
}
