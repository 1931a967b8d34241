package io.deploykit.emulator.bc.pictures;

/** What a picture's header tells: its media type and size in pixels. */
record ImageInfo(String contentType, int width, int height) {
}
