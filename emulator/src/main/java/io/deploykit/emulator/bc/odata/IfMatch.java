package io.deploykit.emulator.bc.odata;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.HttpError;

/**
 * Business Central's optimistic concurrency: a PATCH or DELETE must send {@code If-Match}, with {@code *} or the
 * entity's current ETag (several may be listed, comma-separated).
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static void require(Exchange exchange, String currentEtag) {
        String header = exchange.header("If-Match");
        if (header == null || header.isBlank()) {
            throw new HttpError(400, "BadRequest_InvalidToken", "Could not validate the client concurrency token "
                                                                 + "required by the service. Please provide a valid "
                                                                 + "token in the client request (If-Match).");
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(opaque(currentEtag))) {
                return;
            }
        }
        throw new HttpError(409, "Request_EntityChanged", "Another user has already changed the record: the If-Match "
                                                          + "ETag is not the current one.");
    }

    /** A weak and a strong tag with the same opaque part match: the client may have dropped the W/. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
