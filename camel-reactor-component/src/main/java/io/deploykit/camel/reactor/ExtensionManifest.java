package io.deploykit.camel.reactor;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.apache.camel.util.ObjectHelper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.camel.core.json.ApiJson;

/**
 * The {@code extension.json} at the root of an extension package zip: read alone (nothing else is extracted),
 * with a size bound, and checked for what the API needs to find the package (name, version, platform).
 */
record ExtensionManifest(String name, String version, String platform) {

    static final String ENTRY = "extension.json";
    static final int MAX_BYTES = 1024 * 1024;

    static ExtensionManifest read(UploadBody zip) {
        byte[] json;
        try {
            json = zip.path() != null ? fromFile(zip) : fromStream(zip);
        } catch (ZipException e) {
            throw invalid(zip, "it is not a zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw invalid(zip, "it could not be read (" + e.getMessage() + ")", e);
        }
        if (json == null) {
            throw invalid(zip, "it has no " + ENTRY + " at its root", null);
        }
        JsonNode manifest;
        try {
            manifest = ApiJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(zip, "its " + ENTRY + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw invalid(zip, "its " + ENTRY + " could not be read", e);
        }
        if (manifest == null || !manifest.isObject()) {
            throw invalid(zip, "its " + ENTRY + " is not a JSON object", null);
        }
        return new ExtensionManifest(required(zip, manifest, "name"), required(zip, manifest, "version"),
                required(zip, manifest, "platform"));
    }

    /** Random access through the zip's central directory, once its size is known to be sane: only the manifest is read. */
    private static byte[] fromFile(UploadBody zip) throws IOException {
        ZipDirectory directory = ZipDirectory.of(zip.path());
        if (directory != null && directory.refusal() != null) {
            throw invalid(zip, directory.refusal(), null);
        }
        try (ZipFile file = new ZipFile(zip.path().toFile())) {
            ZipEntry entry = file.getEntry(ENTRY);
            if (entry == null) {
                return null;
            }
            try (InputStream in = file.getInputStream(entry)) {
                return bounded(zip, in);
            }
        }
    }

    /**
     * A zip in memory: entries are skipped, never kept, but the manifest; all are counted, so that a zip is refused
     * alike whatever form its body takes.
     */
    private static byte[] fromStream(UploadBody zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(zip.openStream())) {
            ZipEntry entry;
            byte[] manifest = null;
            long entries = 0;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > ZipDirectory.MAX_ENTRIES) {
                    throw invalid(zip, "it has more than the limit of " + ZipDirectory.MAX_ENTRIES + " entries", null);
                }
                if (manifest == null && ENTRY.equals(entry.getName())) {
                    manifest = bounded(zip, in);
                }
            }
            if (entries == 0) {
                throw new ZipException("no zip entries found");
            }
            return manifest;
        }
    }

    private static byte[] bounded(UploadBody zip, InputStream in) throws IOException {
        byte[] json = in.readNBytes(MAX_BYTES + 1);
        if (json.length > MAX_BYTES) {
            throw invalid(zip, "its " + ENTRY + " is larger than " + MAX_BYTES + " bytes", null);
        }
        return json;
    }

    private static String required(UploadBody zip, JsonNode manifest, String field) {
        String value = ApiJson.text(manifest, field);
        if (ObjectHelper.isEmpty(value)) {
            throw invalid(zip, "its " + ENTRY + " has no \"" + field + "\"", null);
        }
        return value;
    }

    private static InvalidInputException invalid(UploadBody zip, String why, Throwable cause) {
        return new InvalidInputException("'" + zip.fileName() + "' is not an extension package: " + why, cause);
    }
}
