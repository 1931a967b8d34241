package io.deploykit.camel.bc;

import java.io.IOException;
import java.io.InputStream;

import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.DeployKitException;
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
            throw new DeployKitException("Could not read the picture " + image.fileName() + ": " + e.getMessage(), e);
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

    /**
     * Fails when the picture was cut short, as a file picked up while it was still being written would be: a PNG ends
     * with its IEND chunk, a JPEG with its end-of-image marker (some cameras pad after it), a GIF with its trailer.
     * A header alone proves nothing of the rest; other types are taken as they are.
     */
    static void requireComplete(UploadBody image, String contentType) {
        long length = image.length();
        int tailLength = (int) Math.min(length, 1024);
        byte[] tail = new byte[tailLength];
        try (InputStream in = image.openStream()) {
            in.skipNBytes(length - tailLength);
            in.readNBytes(tail, 0, tailLength);
        } catch (IOException e) {
            throw new DeployKitException("Could not read the picture " + image.fileName() + ": " + e.getMessage(), e);
        }
        boolean complete = switch (contentType.toLowerCase(java.util.Locale.ROOT)) {
            case "image/png" -> endsWith(tail, PNG_END);
            case "image/jpeg", "image/jpg" -> lastIndexOf(tail, JPEG_END) >= 0;
            case "image/gif" -> tailLength > 0 && tail[tailLength - 1] == 0x3B;
            default -> true;
        };
        if (!complete) {
            throw new InvalidInputException("'" + image.fileName() + "' is not a whole " + contentType + " picture: its"
                                            + " end is missing (" + length + " bytes; was it still being written?)");
        }
    }

    private static final byte[] PNG_END = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 };
    private static final byte[] JPEG_END = { (byte) 0xFF, (byte) 0xD9 };

    private static boolean endsWith(byte[] data, byte[] suffix) {
        return data.length >= suffix.length
               && java.util.Arrays.equals(data, data.length - suffix.length, data.length, suffix, 0, suffix.length);
    }

    private static int lastIndexOf(byte[] data, byte[] part) {
        for (int i = data.length - part.length; i >= 0; i--) {
            if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
