package io.deploykit.camel.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;

import io.deploykit.camel.core.body.UploadBody;

/** A request body that can be produced again for each attempt of the same call. */
@FunctionalInterface
public interface RequestBody {

    AsyncEntityProducer newProducer();

    static RequestBody json(String json, ContentType type) {
        return () -> AsyncEntityProducers.create(json, type);
    }

    /** An {@code application/x-www-form-urlencoded} body, UTF-8, the fields in the map's order. */
    static RequestBody form(Map<String, String> fields) {
        List<NameValuePair> pairs = fields.entrySet().stream()
                .<NameValuePair> map(e -> new BasicNameValuePair(e.getKey(), e.getValue())).toList();
        return () -> AsyncEntityProducers.createUrlEncoded(pairs, StandardCharsets.UTF_8);
    }

    /** The upload's bytes as they are, streamed from disk. */
    static RequestBody raw(UploadBody upload, ContentType type) {
        return () -> new StreamingEntityProducer(type.toString(), new byte[0], upload, new byte[0]);
    }

    /** A {@code multipart/form-data} body with one file part, streamed from disk. */
    static RequestBody multipartFile(String partName, UploadBody upload, ContentType fileType) {
        return MultipartFile.of(partName, upload, fileType);
    }

    /** A {@code multipart/form-data} body with one file part, streamed from disk, then text fields in their order. */
    static RequestBody multipartFile(String partName, UploadBody upload, ContentType fileType,
                                     Map<String, String> fields) {
        return MultipartFile.of(partName, upload, fileType, fields);
    }
}
