package io.deploykit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void parsesOptionsFlagsAndACommand() {
        CommandLine line = CommandLine.parse(new String[] {"make-rapidstart", "--code", "X", "--out=f.gz", "--verbose",
                "--user", "a:1", "--user", "b:2"}, Set.of("verbose"));

        assertEquals("make-rapidstart", line.command());
        assertEquals("X", line.value("code", null));
        assertEquals("f.gz", line.value("out", null));
        assertTrue(line.has("verbose"));
        assertEquals(List.of("a:1", "b:2"), line.values("user"));
        assertEquals("dflt", line.value("tables", "dflt"));
    }

    @Test
    void refusesMissingValuesAndUnknownOptions() {
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--port"}, Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"--port", "1", "stray"}, Set.of()));
        CommandLine line = CommandLine.parse(new String[] {"--colour", "red"}, Set.of());
        assertThrows(IllegalArgumentException.class, () -> line.requireKnown(Set.of("port")));
    }

    @Test
    void parsesDurationsPeopleType() {
        assertEquals(Duration.ofMillis(200), CommandLine.duration("200ms"));
        assertEquals(Duration.ofSeconds(2), CommandLine.duration("2s"));
        assertEquals(Duration.ofMinutes(60), CommandLine.duration("60m"));
        assertEquals(Duration.ofHours(1), CommandLine.duration("1h"));
        assertEquals(Duration.ofSeconds(90), CommandLine.duration("PT1M30S"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.duration("soon"));
    }

    @Test
    void parsesSizesInBinaryUnits() {
        assertEquals(1024, CommandLine.size("1024"));
        assertEquals(64 * 1024, CommandLine.size("64KB"));
        assertEquals(350L << 20, CommandLine.size("350MB"));
        assertEquals(1L << 30, CommandLine.size("1g"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.size("big"));
    }
}
