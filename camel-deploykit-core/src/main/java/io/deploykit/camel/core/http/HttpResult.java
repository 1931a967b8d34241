package io.deploykit.camel.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** A response with its body read (JSON documents and pictures are small; uploads are what streams). */
public record HttpResult(int status, Map<String, String> headers, byte[] body) {

    public HttpResult {
        body = body == null ? new byte[0] : body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A header by name, case-insensitively (the map keys are lower case); null if absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body on one line, cut at 300 characters: for messages about answers that are not the API's own JSON. */
    public String bodyExcerpt() {
        String flat = bodyText().replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
