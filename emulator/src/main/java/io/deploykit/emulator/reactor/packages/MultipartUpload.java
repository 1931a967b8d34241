package io.deploykit.emulator.reactor.packages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.deploykit.emulator.http.DigestingOutputStream;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.MultipartReader;
import io.deploykit.emulator.reactor.jsonapi.ApiProblem;
import io.deploykit.emulator.http.HeaderParameters;

/**
 * Receives the zip of a create or an update: a {@code multipart/form-data} body whose file part is named
 * {@code package}. Nothing of it is held in memory: {@link MultipartReader} parses the body as it arrives and
 * streams the package part into a zip file of its own (written once, as curl's and the component's uploads would be
 * by the real service, so the benchmarks compare clients rather than the emulator's disk), hashing it on the way.
 */
public final class MultipartUpload {

    static final String PART_NAME = "package";
    static final String MEDIA_TYPE = "multipart/form-data";

    private final UploadStorage storage;
    private final long maxBodyBytes;

    public MultipartUpload(UploadStorage storage, long maxBodyBytes) {
        this.storage = storage;
        this.maxBodyBytes = maxBodyBytes;
    }

    static boolean isMultipart(Exchange exchange) {
        String contentType = exchange.header("Content-Type");
        return contentType != null && HeaderParameters.value(contentType).toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
    }

    /**
     * @return the zip, in a new file the caller owns, with its hash
     * @throws ApiProblem 400 for a body that is not multipart, is malformed, or has no {@code package} part
     * @throws IOException when the body is over the upload limit (BodyTooLargeException) or cannot be read
     */
    ReceivedZip receive(Exchange exchange) throws IOException {
        String contentType = exchange.header("Content-Type");
        if (!isMultipart(exchange)) {
            throw ApiProblem.unsupportedMediaType("A package is uploaded as " + MEDIA_TYPE + ", not "
                                                  + (contentType == null ? "without a Content-Type" : contentType)
                                                  + ".");
        }
        String boundary = HeaderParameters.parameter(contentType, "boundary");
        try (InputStream body = exchange.openBody(maxBodyBytes)) {
            return extractPackage(body, boundary);
        }
    }

    /** Deletes a received zip that was refused. */
    void discard(ReceivedZip zip) {
        storage.discard(zip.file());
    }

    private ReceivedZip extractPackage(InputStream body, String boundary) throws IOException {
        try {
            MultipartReader reader = new MultipartReader(body, boundary);
            for (Map<String, String> headers = reader.nextPart(); headers != null; headers = reader.nextPart()) {
                String disposition = headers.get("content-disposition");
                if (disposition != null && PART_NAME.equals(HeaderParameters.parameter(disposition, "name"))) {
                    return copyPart(reader);
                }
            }
        } catch (MultipartReader.MalformedException e) {
            throw ApiProblem.badRequest("The multipart body is malformed: " + e.getMessage() + ".");
        }
        throw ApiProblem.invalidParameter(PART_NAME, "The multipart body has no file part named '" + PART_NAME
                                                     + "' holding the extension package zip.");
    }

    private ReceivedZip copyPart(MultipartReader reader) throws IOException {
        Path zip = storage.newFile(".zip");
        try (DigestingOutputStream out = new DigestingOutputStream(Files.newOutputStream(zip))) {
            reader.transferPart(out);
            out.close(); // the hash is known once closed
            return new ReceivedZip(zip, out.sha256());
        } catch (IOException | RuntimeException e) {
            storage.discard(zip);
            throw e;
        }
    }
}
