package io.deploykit.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The command line's options are checked together, whatever their order. */
class SoakMainTest {

    private static final Path WORK = Path.of("target", "soak-run");
    private static final Path OUT = Path.of("RELIABILITY.md");

    @Test
    void oneInstanceWithoutKillsOrRestartsIsAcceptedInEitherOrder() {
        for (String[] args : new String[][] {
                {"--instances", "1", "--kills", "0", "--restarts", "0"},
                {"--kills", "0", "--restarts", "0", "--instances", "1"}}) {
            SoakSettings settings = SoakMain.parse(args, WORK, OUT).settings();
            assertEquals(1, settings.instances(), String.join(" ", args));
            assertEquals(0, settings.kills(), String.join(" ", args));
            assertEquals(0, settings.restarts(), String.join(" ", args));
        }
    }

    @Test
    void oneInstanceWithTheDefaultKillsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SoakMain.parse(new String[] {"--instances", "1"}, WORK, OUT));
    }

    @Test
    void theDropsScaleTheJobFaults() {
        SoakSettings settings = SoakMain.parse(new String[] {"--drops", "400", "--out", "x.md"}, WORK, OUT).settings();
        assertEquals(400, settings.drops());
        assertEquals(4, settings.applyFailures());
        assertEquals(2, settings.stuckJobs());
        assertEquals(2, settings.processingFailures());
        assertEquals(SoakSettings.full(WORK), SoakMain.parse(new String[0], WORK, OUT).settings());
        assertNull(SoakMain.parse(new String[] {"--help"}, WORK, OUT));
    }
}
