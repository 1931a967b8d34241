package io.deploykit.camel.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.hc.core5.http.ContentType;

import io.deploykit.camel.core.body.UploadBody;

/**
 * Builds the framing of a {@code multipart/form-data} body around a streamed upload: one file part, then any text
 * fields (such as the options of Business Central's {@code pteInstall}).
 */
final class MultipartFile {

    private MultipartFile() {
    }

    static RequestBody of(String partName, UploadBody upload, ContentType fileType) {
        return of(partName, upload, fileType, Map.of());
    }

    static RequestBody of(String partName, UploadBody upload, ContentType fileType, Map<String, String> fields) {
        String boundary = "deploykit-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                      + "Content-Disposition: form-data; name=\"" + quote(partName) + "\"; filename=\""
                      + quote(upload.fileName()) + "\"\r\n"
                      + "Content-Type: " + fileType + "\r\n\r\n";
        StringBuilder tail = new StringBuilder("\r\n");
        fields.forEach((name, value) -> tail.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quote(name)).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        tail.append("--").append(boundary).append("--\r\n");
        String contentType = "multipart/form-data; boundary=" + boundary;
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] tailBytes = tail.toString().getBytes(StandardCharsets.UTF_8);
        return () -> new StreamingEntityProducer(contentType, headBytes, upload, tailBytes);
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
    }
}
