package io.deploykit.emulator.http;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decoding of URL paths, query strings and form bodies (UTF-8). */
public final class UrlEncoding {

    private UrlEncoding() {
    }

    /**
     * The name/value pairs of a query string or an {@code application/x-www-form-urlencoded} body, where {@code +}
     * is a space. The first value of a repeated name wins.
     */
    public static Map<String, String> parseForm(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    /** Percent-decodes a piece of a path, where, unlike in a form, {@code +} stands for itself. */
    public static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 3;
            } else {
                int end = raw.offsetByCodePoints(i, 1);
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int index) {
        return index < s.length() && Character.digit(s.charAt(index), 16) >= 0;
    }
}
