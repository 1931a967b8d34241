package io.deploykit.camel.reactor.model;

import org.apache.camel.util.ObjectHelper;

/** A JSON:API error object, as in error responses and in a failed package's status details. */
public record ReactorError(String id, String status, String code, String title, String detail) {

    /** {@code code: title - detail}, leaving out what is missing. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (ObjectHelper.isNotEmpty(code)) {
            text.append(code).append(": ");
        }
        if (ObjectHelper.isNotEmpty(title)) {
            text.append(title);
        }
        if (ObjectHelper.isNotEmpty(detail) && !detail.equals(title)) {
            text.append(text.isEmpty() || text.toString().endsWith(": ") ? "" : " - ").append(detail);
        }
        return text.toString();
    }
}
