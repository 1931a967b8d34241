package io.deploykit.emulator.reactor;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.CountingOutputStream;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.reactor.manifest.Manifest;

/**
 * Writes extension package zips for demos, tests and benchmarks: a small valid web or edge extension, the same
 * broken in one way, or padded to a size. Everything is streamed to disk.
 * <p>
 * The valid extension: an {@code extension.json} with name, version, platform, displayName, description, author,
 * iconPath (an SVG), viewBasePath, main, a configuration view and one action, each with its JSON schema, and every
 * file these name. It follows the manifest rules of both platforms (see {@link #manifest}): a zip of it processes
 * to {@code succeeded} on web and on edge, given a name that follows the naming rules (lower case letters,
 * digits, {@code - _ . ~}, not starting with a dot or an underscore).
 */
public final class ExtensionZips {

    /** The action's library module: the file {@link #writeWithMissingFile} leaves out. */
    public static final String ACTION_LIB_PATH = "src/lib/actions/logMessage.js";
    /** The incompressible file {@link #writeOfSize} pads with. */
    public static final String PADDING_PATH = "resources/padding.bin";

    private static final String MAIN = "src/lib/main.js";
    private static final String ICON = "resources/icons/icon.svg";
    private static final String VIEW_BASE = "src/view/";
    private static final String CONFIGURATION_VIEW = "configuration/configuration.html";
    private static final String ACTION_VIEW = "actions/logMessage.html";
    /** Room left for the central directory when padding to a size. */
    private static final int DIRECTORY_ALLOWANCE = 1024;

    private ExtensionZips() {
    }

    /** A small valid extension. */
    public static Path write(Path target, String name, String version, String platform) throws IOException {
        return write(target, manifest(name, version, platform), files(), 0);
    }

    /** A valid extension padded with an incompressible stored file to about {@code approxBytes} in all. */
    public static Path writeOfSize(Path target, String name, String version, String platform, long approxBytes)
            throws IOException {
        return write(target, manifest(name, version, platform), files(), approxBytes);
    }

    /** The valid extension without {@value #ACTION_LIB_PATH}, which its manifest names: a path error. */
    public static Path writeWithMissingFile(Path target, String name, String version, String platform)
            throws IOException {
        Map<String, String> files = files();
        files.remove(ACTION_LIB_PATH);
        return write(target, manifest(name, version, platform), files, 0);
    }

    /**
     * The valid extension with this manifest instead of its own, such as {@link #manifest} with one rule broken.
     * The files are those of the valid extension.
     */
    public static Path write(Path target, ObjectNode manifest) throws IOException {
        return write(target, manifest.deepCopy(), files(), 0);
    }

    /**
     * A copy of the valid extension's {@code extension.json}: name, version, platform, displayName, description,
     * author, iconPath, viewBasePath, main, configuration (viewPath and schema) and one action (name, displayName,
     * libPath, viewPath, schema), the same for web and edge.
     */
    public static ObjectNode manifest(String name, String version, String platform) {
        ObjectNode manifest = JsonCodec.object()
                .put("name", name)
                .put("version", version)
                .put("platform", platform)
                .put("displayName", "DeployKit demo " + name)
                .put("description", "A demo extension that logs a message, written by DeployKit's ExtensionZips.")
                .put("iconPath", ICON)
                .put("viewBasePath", VIEW_BASE)
                .put("main", MAIN);
        manifest.putObject("author").put("name", "DeployKit");
        ObjectNode configuration = manifest.putObject("configuration").put("viewPath", CONFIGURATION_VIEW);
        configuration.set("schema", objectSchema());
        ObjectNode action = manifest.putArray("actions").addObject()
                .put("name", "log-message")
                .put("displayName", "Log message")
                .put("libPath", ACTION_LIB_PATH)
                .put("viewPath", ACTION_VIEW);
        ObjectNode schema = objectSchema();
        schema.putObject("properties").putObject("message").put("type", "string").put("minLength", 1);
        schema.putArray("required").add("message");
        action.set("schema", schema);
        return manifest;
    }

    /** The files of the valid extension, without any extension.json. */
    public static Path writeWithoutManifest(Path target) throws IOException {
        return write(target, null, files(), 0);
    }

    /** The files of the valid extension, with an extension.json that is not JSON. */
    public static Path writeWithInvalidJson(Path target) throws IOException {
        Map<String, String> files = files();
        files.put(Manifest.FILE_NAME, "{\"name\": \"broken\", \"version\": ");
        return write(target, null, files, 0);
    }

    /** The valid extension, with no name in its extension.json. */
    public static Path writeWithoutName(Path target, String version, String platform) throws IOException {
        ObjectNode manifest = manifest("unnamed", version, platform);
        manifest.remove("name");
        return write(target, manifest, files(), 0);
    }

    private static ObjectNode objectSchema() {
        return JsonCodec.object().put("$schema", "http://json-schema.org/draft-04/schema#").put("type", "object");
    }

    /** The files the manifest names, by path. */
    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MAIN, "'use strict';\nmodule.exports = {};\n");
        files.put(ACTION_LIB_PATH, "'use strict';\nmodule.exports = function (settings) {\n"
                                   + "  turbine.logger.info(settings.message);\n};\n");
        files.put(ICON, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><circle cx=\"8\" cy=\"8\" "
                        + "r=\"7\"/></svg>\n");
        files.put(VIEW_BASE + CONFIGURATION_VIEW, view("Configuration", "<p>Nothing to configure.</p>"));
        files.put(VIEW_BASE + ACTION_VIEW, view("Log message", "<input id=\"message\" placeholder=\"Message\">"));
        return files;
    }

    private static String view(String title, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
               + body + "</body></html>\n";
    }

    /**
     * @param manifest    written as extension.json when not null
     * @param approxBytes pads to about this size when positive
     */
    private static Path write(Path target, ObjectNode manifest, Map<String, String> files, long approxBytes)
            throws IOException {
        try (CountingOutputStream file = new CountingOutputStream(
                new BufferedOutputStream(Files.newOutputStream(target), 64 * 1024));
             ZipOutputStream zip = new ZipOutputStream(file)) {
            if (manifest != null) {
                zip.putNextEntry(new ZipEntry(Manifest.FILE_NAME));
                zip.write(JsonCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            for (Map.Entry<String, String> entry : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            long padding = approxBytes - file.count() - DIRECTORY_ALLOWANCE;
            if (padding > 0) {
                writeStoredRandom(zip, padding);
            }
        }
        return target;
    }

    /**
     * A stored (uncompressed) entry of random bytes. A stored entry needs its CRC before its content, so the same
     * seeded random sequence is generated twice, once for the CRC and once for the content, rather than held.
     */
    private static void writeStoredRandom(ZipOutputStream zip, long size) throws IOException {
        long seed = System.nanoTime();
        CRC32 crc = new CRC32();
        randomBytes(seed, size, crc::update);
        ZipEntry entry = new ZipEntry(PADDING_PATH);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        randomBytes(seed, size, zip::write);
        zip.closeEntry();
    }

    private static void randomBytes(long seed, long size, ChunkSink sink) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[64 * 1024];
        for (long left = size; left > 0; ) {
            for (int i = 0; i < chunk.length; i += Long.BYTES) {
                long value = random.nextLong();
                for (int b = 0; b < Long.BYTES; b++) {
                    chunk[i + b] = (byte) (value >>> (b * 8));
                }
            }
            int length = (int) Math.min(chunk.length, left);
            sink.accept(chunk, 0, length);
            left -= length;
        }
    }

    @FunctionalInterface
    private interface ChunkSink {
        void accept(byte[] bytes, int offset, int length) throws IOException;
    }
}
