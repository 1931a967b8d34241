package io.deploykit.emulator.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a readable path such as {@code /companies({company})/items} into a regular expression: literal text is
 * quoted, and each {@code {name}} becomes a named group matching one or more characters other than {@code /}, or
 * what the regular expression in {@code {name:regex}} matches.
 */
final class PathTemplate {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(?::([^}]+))?}");

    private PathTemplate() {
    }

    public static String regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int literalStart = 0;
        while (parameter.find()) {
            regex.append(quote(template.substring(literalStart, parameter.start())));
            String group = parameter.group(2) == null ? "[^/]+?" : parameter.group(2);
            regex.append("(?<").append(parameter.group(1)).append(">").append(group).append(")");
            literalStart = parameter.end();
        }
        return regex.append(quote(template.substring(literalStart))).toString();
    }

    private static String quote(String literal) {
        return literal.isEmpty() ? "" : Pattern.quote(literal);
    }
}
