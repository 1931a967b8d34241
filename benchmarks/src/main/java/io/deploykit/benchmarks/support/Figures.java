package io.deploykit.benchmarks.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** Formatting and simple statistics of the measured figures. */
public final class Figures {

    private Figures() {
    }

    public static double mibPerSecond(long bytes, long nanos) {
        return bytes / (1024.0 * 1024.0) / (nanos / 1e9);
    }

    public static String mibs(double mibPerSecond) {
        return format("%.0f MiB/s", mibPerSecond);
    }

    public static String mib(long bytes) {
        return format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    public static String seconds(long nanos) {
        return format("%.2f s", nanos / 1e9);
    }

    public static String seconds(Duration duration) {
        return seconds(duration.toNanos());
    }

    public static String ratio(double ratio) {
        return format("%.2fx", ratio);
    }

    public static long best(long... nanos) {
        return Arrays.stream(nanos).min().orElseThrow();
    }

    public static long median(long... values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    public static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
