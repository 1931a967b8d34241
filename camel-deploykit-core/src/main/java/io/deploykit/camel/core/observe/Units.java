package io.deploykit.camel.core.observe;

import java.time.Duration;
import java.util.Locale;

/** Sizes and durations as people read them in logs and consoles: {@code 20.0 MiB}, {@code 1m 05s}. */
public final class Units {

    private Units() {
    }

    /** {@code 512 B}, {@code 20.0 KiB}, {@code 1.5 GiB}. */
    public static String bytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", bytes) : String.format(Locale.ROOT, "%.1f %s", bytes, units[unit]);
    }

    /** {@code 850 ms}, {@code 12 s}, {@code 3m 05s}, {@code 2h 10m}. */
    public static String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1_000) {
            return millis + " ms";
        }
        long seconds = millis / 1_000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3_600, seconds % 3_600 / 60);
    }
}
