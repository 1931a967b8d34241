package io.deploykit.camel.bc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.InvalidInputException;

/** Tells an image's content type from its first bytes, so a picture is sent with the right type. */
final class ImageType {

    private ImageType() {
    }

    static String detect(UploadBody image) {
        byte[] head = new byte[12];
        int read;
        try (InputStream in = image.openStream()) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the picture " + image.fileName(), e);
        }
        if (read >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "image/png";
        }
        if (read >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (read >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return "image/gif";
        }
        if (read >= 2 && head[0] == 'B' && head[1] == 'M') {
            return "image/bmp";
        }
        if (read >= 4 && (head[0] == 'I' && head[1] == 'I' && head[2] == 42 || head[0] == 'M' && head[1] == 'M' && head[3] == 42)) {
            return "image/tiff";
        }
        throw new InvalidInputException("'" + image.fileName() + "' is not a picture Business Central accepts (PNG, JPEG,"
                                        + " GIF, BMP or TIFF); set header " + BcConstants.CONTENT_TYPE
                                        + " to send it anyway");
    }
}
