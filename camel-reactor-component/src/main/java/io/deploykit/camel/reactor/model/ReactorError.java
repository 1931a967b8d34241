package io.deploykit.camel.reactor.model;

/** A JSON:API error object, as in error responses and in a failed package's status details. */
public record ReactorError(String id, String status, String code, String title, String detail) {

    /** {@code code: title - detail}, leaving out what is missing. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (code != null && !code.isBlank()) {
            text.append(code).append(": ");
        }
        if (title != null && !title.isBlank()) {
            text.append(title);
        }
        if (detail != null && !detail.isBlank() && !detail.equals(title)) {
            text.append(text.isEmpty() || text.toString().endsWith(": ") ? "" : " - ").append(detail);
        }
        return text.toString();
    }
}
