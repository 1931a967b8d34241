package io.deploykit.camel.core.http;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.hc.core5.http.ContentType;

import io.deploykit.camel.core.body.UploadBody;

/** Builds the framing of a one-file {@code multipart/form-data} body around a streamed upload. */
final class MultipartFile {

    private MultipartFile() {
    }

    static RequestBody of(String partName, UploadBody upload, ContentType fileType) {
        String boundary = "deploykit-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                      + "Content-Disposition: form-data; name=\"" + quote(partName) + "\"; filename=\""
                      + quote(upload.fileName()) + "\"\r\n"
                      + "Content-Type: " + fileType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        String contentType = "multipart/form-data; boundary=" + boundary;
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] tailBytes = tail.getBytes(StandardCharsets.UTF_8);
        return () -> new StreamingEntityProducer(contentType, headBytes, upload, tailBytes);
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
    }
}
