package io.deploykit.camel.bc;

import io.deploykit.camel.core.body.UploadBody;

/**
 * What a file to deploy to Business Central says about itself, read as the producers read it (bounded, no DTDs),
 * for those who check files before any request, such as a release validated as a whole.
 */
public final class BcFiles {

    private BcFiles() {
    }

    /**
     * The package code a RapidStart file carries.
     *
     * @throws io.deploykit.camel.core.error.InvalidInputException when it is not a RapidStart package
     */
    public static String packageCode(UploadBody file) {
        return RapidStartFile.read(file).code();
    }

    /**
     * The content type of a picture Business Central accepts, checked complete.
     *
     * @throws io.deploykit.camel.core.error.InvalidInputException when it is not one, or was cut short
     */
    public static String pictureType(UploadBody file) {
        String type = ImageType.detect(file);
        ImageType.requireComplete(file, type);
        return type;
    }
}
