package io.deploykit.emulator.http;

import java.util.Locale;

/**
 * Reads header values with parameters, such as {@code multipart/form-data; boundary="abc"} or
 * {@code form-data; name="package"; filename="my ext.zip"}: quoted strings may hold semicolons and escaped quotes.
 */
public final class HeaderParameters {

    private HeaderParameters() {
    }

    /** The value before the parameters, trimmed: {@code multipart/form-data}. */
    public static String value(String header) {
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    }

    /** The parameter with this name (ignoring case), unquoted; null when absent. */
    public static String parameter(String header, String name) {
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int start = i + 1;
            int end = endOfParameter(header, start);
            String parameter = header.substring(start, end);
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT)
                    .equals(name.toLowerCase(Locale.ROOT))) {
                return unquote(parameter.substring(eq + 1).trim());
            }
            i = end;
        }
        return null;
    }

    /** The index of the semicolon that ends the parameter starting at {@code start}, or the header's length. */
    private static int endOfParameter(String header, int start) {
        boolean quoted = false;
        for (int i = start; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\') {
                i++; // the escaped character cannot end the quoted string
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return header.length();
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            text.append(c);
        }
        return text.toString();
    }
}
