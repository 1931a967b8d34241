package io.deploykit.camel.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.net.PercentCodec;

import io.deploykit.camel.core.body.UploadBody;

/** A request body that can be produced again for each attempt of the same call. */
@FunctionalInterface
public interface RequestBody {

    AsyncEntityProducer newProducer();

    static RequestBody json(String json, ContentType type) {
        return () -> AsyncEntityProducers.create(json, type);
    }

    static RequestBody form(Map<String, String> fields) {
        String encoded = fields.entrySet().stream()
                .map(e -> PercentCodec.encode(e.getKey(), StandardCharsets.UTF_8) + '='
                          + PercentCodec.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return () -> AsyncEntityProducers.create(encoded, ContentType.APPLICATION_FORM_URLENCODED);
    }

    /** The upload's bytes as they are, streamed from disk. */
    static RequestBody raw(UploadBody upload, ContentType type) {
        return () -> new StreamingEntityProducer(type.toString(), new byte[0], upload, new byte[0]);
    }

    /** A {@code multipart/form-data} body with one file part, streamed from disk. */
    static RequestBody multipartFile(String partName, UploadBody upload, ContentType fileType) {
        return MultipartFile.of(partName, upload, fileType);
    }
}
