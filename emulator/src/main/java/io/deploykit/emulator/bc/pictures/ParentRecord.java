package io.deploykit.emulator.bc.pictures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.bc.companies.DemoData;
import io.deploykit.emulator.bc.files.FileAction;
import io.deploykit.emulator.bc.odata.ETags;
import io.deploykit.emulator.http.JsonCodec;

/**
 * An item, customer, vendor, employee or contact, with its picture. The picture's bytes live in a file; its
 * metadata and versions change under this record's lock, together with that file.
 */
public final class ParentRecord {

    /** A picture opened for reading, with the metadata that goes with those very bytes. */
    record OpenPicture(PictureSnapshot picture, InputStream content) {
    }

    private final String id;
    private final ParentType type;
    private final String number;
    private final String displayName;
    private final ObjectNode details;
    private long version = 1;
    private Instant lastModified = Instant.now();
    private ImageInfo image;
    private long imageSize;
    private long pictureVersion = 1;

    public ParentRecord(String companyId, ParentType type, String number, String displayName) {
        this(companyId, type, number, displayName, JsonCodec.object());
    }

    /**
     * @param details the properties of the record's resource beyond id, number, displayName and
     *                lastModifiedDateTime, in the resource's order (an item's type, prices, posting groups...)
     */
    public ParentRecord(String companyId, ParentType type, String number, String displayName, ObjectNode details) {
        // the same ids on every start, so that a standalone emulator's ids can go into a configuration
        this.id = DemoData.id(companyId + "/" + type + "/" + number);
        this.type = type;
        this.number = number;
        this.displayName = displayName;
        this.details = details.deepCopy();
    }

    public String id() {
        return id;
    }

    ParentType type() {
        return type;
    }

    public String number() {
        return number;
    }

    String displayName() {
        return displayName;
    }

    /** The record's other properties, which never change; a copy. */
    ObjectNode details() {
        return details.deepCopy();
    }

    synchronized String etag() {
        return ETags.of(id, version);
    }

    synchronized Instant lastModified() {
        return lastModified;
    }

    /** The picture, with width and height 0 and an empty content type when there is none. */
    public synchronized PictureSnapshot picture() {
        return image == null
                ? new PictureSnapshot(id, type.typeName, number, 0, 0, "", 0, pictureEtag())
                : new PictureSnapshot(id, type.typeName, number, image.width(), image.height(), image.contentType(),
                        imageSize, pictureEtag());
    }

    synchronized String pictureEtag() {
        return ETags.of(id + "/picture", pictureVersion);
    }

    /** Opens the picture's file; null when there is no picture. */
    synchronized OpenPicture openPicture(Path file) throws IOException {
        return image == null ? null : new OpenPicture(picture(), Files.newInputStream(file));
    }

    synchronized void storePicture(FileAction install, ImageInfo info, long size) throws IOException {
        install.run();
        image = info;
        imageSize = size;
        changed();
    }

    synchronized void removePicture(FileAction delete) throws IOException {
        delete.run();
        image = null;
        imageSize = 0;
        changed();
    }

    /** The record itself changes with its picture, as Business Central's Picture field is part of it. */
    private void changed() {
        pictureVersion++;
        version++;
        lastModified = Instant.now();
    }
}
