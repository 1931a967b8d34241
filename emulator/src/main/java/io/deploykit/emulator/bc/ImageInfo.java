package io.deploykit.emulator.bc;

/** What a picture's header tells: its media type and size in pixels. */
record ImageInfo(String contentType, int width, int height) {
}
