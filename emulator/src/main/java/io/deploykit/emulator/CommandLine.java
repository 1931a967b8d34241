package io.deploykit.emulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arguments of the launcher: a sub-command, flags, and options with values ({@code --port 7048} or
 * {@code --port=7048}; some may repeat), and parsers for durations and sizes people type.
 */
final class CommandLine {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|k|kb|m|mb|g|gb)");

    private final String command;
    private final Map<String, List<String>> options;

    private CommandLine(String command, Map<String, List<String>> options) {
        this.command = command;
        this.options = options;
    }

    /**
     * @param flags the options that take no value
     * @throws IllegalArgumentException for an option without its value, or an unexpected argument
     */
    static CommandLine parse(String[] args, Set<String> flags) {
        String command = null;
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (command != null || i > 0) {
                    throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
                }
                command = arg;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value;
            if (flags.contains(name)) {
                value = "true";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("The option --" + name + " needs a value");
            }
            options.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return new CommandLine(command, options);
    }

    /** The sub-command, such as {@code make-rapidstart}, or null. */
    String command() {
        return command;
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    String value(String name, String defaultValue) {
        List<String> values = options.get(name);
        return values == null ? defaultValue : values.get(values.size() - 1);
    }

    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** @throws IllegalArgumentException when an option is none of the known ones */
    void requireKnown(Set<String> known) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
        }
    }

    /** {@code 200ms}, {@code 2s}, {@code 5m}, {@code 1h}, or ISO-8601 such as {@code PT1M30S}. */
    static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 200ms, 2s, 5m or PT1M");
        }
    }

    /** Bytes, or with a binary unit: {@code 1024}, {@code 64KB}, {@code 350MB}, {@code 1GB} (also K, M, G). */
    static long size(String text) {
        Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 1024, 64KB, 350MB or 1GB");
        }
        int shift = switch (matcher.group(2)) {
            case "k", "kb" -> 10;
            case "m", "mb" -> 20;
            case "g", "gb" -> 30;
            default -> 0;
        };
        return Long.parseLong(matcher.group(1)) << shift;
    }
}
