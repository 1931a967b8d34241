package io.deploykit.camel.bc.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.deploykit.camel.core.body.UploadBody;

/**
 * Reads an {@code .app} before anything is sent: a 40-byte header (ASCII {@code NAVX}, the header length 40 as a
 * little-endian 32-bit number, a format version, the package GUID, a 64-bit content length, {@code NAVX} again),
 * then a zip whose {@code NavxManifest.xml} names the app. A runtime package has {@code NAVX.NEA} where the header
 * length would be and no readable manifest: it is refused, as Business Central cannot install it from the admin
 * center.
 * <p>
 * Bounded: the file at most {@value #MAX_APP_BYTES} bytes (the {@code pteInstall} limit), the zip read as a stream
 * entry by entry (no central directory loaded), at most {@value #MAX_ENTRIES} entries looked at, a manifest of at
 * most {@value #MAX_MANIFEST_BYTES} bytes, XML without DTDs or external entities.
 */
public final class AppPackage {

    /** "Must have .app file extension and cannot exceed 50MB in size" (the admin center API's pteInstall). */
    public static final long MAX_APP_BYTES = 50L << 20;
    static final int HEADER_LENGTH = 40;
    static final int MAX_ENTRIES = 10_000;
    static final int MAX_MANIFEST_BYTES = 1 << 20;
    private static final byte[] MAGIC = "NAVX".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RUNTIME_MARK = ".NEA".getBytes(StandardCharsets.US_ASCII);
    private static final String MANIFEST = "NavxManifest.xml";

    private AppPackage() {
    }

    /** @throws InvalidAppException naming what is wrong: too large, a runtime package, not an app, no manifest */
    public static AppManifest read(UploadBody file) {
        if (file.length() > MAX_APP_BYTES) {
            throw new InvalidAppException(file.fileName() + " has " + file.length() + " bytes: an app uploaded to"
                                          + " Business Central can have at most 50 MB (" + MAX_APP_BYTES + " bytes)");
        }
        try (InputStream in = file.openStream()) {
            return read(in, file.fileName());
        } catch (IOException e) {
            throw new InvalidAppException(file.fileName() + " cannot be read as an app: " + e.getMessage(), e);
        }
    }

    static AppManifest read(InputStream in, String name) throws IOException {
        byte[] header = in.readNBytes(HEADER_LENGTH);
        if (header.length < HEADER_LENGTH || !startsWith(header, 0, MAGIC)) {
            throw new InvalidAppException(name + " is not a Business Central app: it does not start with the NAVX"
                                          + " header of an .app file");
        }
        if (startsWith(header, MAGIC.length, RUNTIME_MARK)) {
            throw new InvalidAppException(name + " is a runtime package (NAVX.NEA): upload the app's own .app file,"
                                          + " built with its source, not a runtime package");
        }
        int headerLength = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(MAGIC.length);
        if (headerLength != HEADER_LENGTH || !startsWith(header, HEADER_LENGTH - MAGIC.length, MAGIC)) {
            throw new InvalidAppException(name + " is not a Business Central app: its NAVX header is not the 40-byte"
                                          + " header of an .app file");
        }
        try {
            ZipInputStream zip = new ZipInputStream(in);
            int entries = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null && ++entries <= MAX_ENTRIES;
                 entry = zip.getNextEntry()) {
                if (entry.getName().equals(MANIFEST)) {
                    byte[] xml = zip.readNBytes(MAX_MANIFEST_BYTES + 1);
                    if (xml.length > MAX_MANIFEST_BYTES) {
                        throw new InvalidAppException(name + ": its " + MANIFEST + " is larger than "
                                                      + MAX_MANIFEST_BYTES + " bytes");
                    }
                    return manifest(xml, name);
                }
            }
        } catch (ZipException e) {
            throw new InvalidAppException(name + " is not a Business Central app: its content is not a zip ("
                                          + e.getMessage() + ")", e);
        }
        throw new InvalidAppException(name + " is not a Business Central app: it holds no " + MANIFEST
                                      + " (in its first " + MAX_ENTRIES + " entries)");
    }

    private static AppManifest manifest(byte[] xml, String name) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new InvalidAppException(name + ": its " + MANIFEST + " cannot be read: " + e.getMessage(), e);
        }
        Element app = first(document.getDocumentElement(), "App");
        if (app == null) {
            throw new InvalidAppException(name + ": its " + MANIFEST + " has no App element");
        }
        List<AppManifest.Dependency> dependencies = new ArrayList<>();
        Element list = first(document.getDocumentElement(), "Dependencies");
        if (list != null) {
            NodeList nodes = list.getElementsByTagNameNS("*", "Dependency");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element dependency = (Element) nodes.item(i);
                dependencies.add(new AppManifest.Dependency(required(dependency, "Id", name),
                        required(dependency, "Name", name), required(dependency, "Publisher", name),
                        AppVersion.parse(required(dependency, "MinVersion", name))));
            }
        }
        return new AppManifest(required(app, "Id", name), required(app, "Name", name),
                required(app, "Publisher", name), AppVersion.parse(required(app, "Version", name)), dependencies);
    }

    private static Element first(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String required(Element element, String attribute, String name) {
        String value = element.getAttribute(attribute).trim();
        if (value.isEmpty()) {
            throw new InvalidAppException(name + ": the " + element.getLocalName() + " element of its " + MANIFEST
                                          + " has no " + attribute);
        }
        return value;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
