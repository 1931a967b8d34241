package io.deploykit.soak;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The harness's progress lines, on standard output. */
final class Say {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Say() {
    }

    static void line(String format, Object... args) {
        System.out.println(LocalTime.now().format(TIME) + " soak: " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
