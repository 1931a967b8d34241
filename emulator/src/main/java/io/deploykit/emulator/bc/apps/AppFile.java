package io.deploykit.emulator.bc.apps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@code .app} file of a Business Central extension: a 40-byte header (ASCII {@code NAVX}, the header length 40
 * and a format version as little-endian 32-bit numbers, the package id as a GUID, the content length as a 64-bit
 * number, {@code NAVX} again), then a zip holding {@code NavxManifest.xml}. A runtime package carries
 * {@code NAVX.NEA} where the header length would be, and no readable manifest.
 * <p>
 * Writes apps for tests and demos, and reads what a client uploaded, bounded: at most {@value #MAX_ENTRIES} zip
 * entries are looked at, a manifest of at most {@value #MAX_MANIFEST_BYTES} bytes, XML without DTDs.
 */
public final class AppFile {

    public static final int HEADER_LENGTH = 40;
    static final int MAX_ENTRIES = 10_000;
    static final int MAX_MANIFEST_BYTES = 1 << 20;
    private static final byte[] MAGIC = "NAVX".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RUNTIME_MARK = ".NEA".getBytes(StandardCharsets.US_ASCII);
    private static final String MANIFEST = "NavxManifest.xml";
    private static final String NAMESPACE = "http://schemas.microsoft.com/navx/2015/manifest";

    private AppFile() {
    }

    /** The bytes of an app with this manifest. */
    public static byte[] bytes(AppManifest manifest) {
        byte[] zip = zip(manifest);
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(HEADER_LENGTH).putInt(2);
        UUID packageId = UUID.nameUUIDFromBytes((manifest.id() + "/" + manifest.version())
                .getBytes(StandardCharsets.UTF_8));
        header.putLong(packageId.getMostSignificantBits()).putLong(packageId.getLeastSignificantBits());
        header.putLong(zip.length).put(MAGIC);
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_LENGTH + zip.length);
        out.writeBytes(header.array());
        out.writeBytes(zip);
        return out.toByteArray();
    }

    /** Writes an app with this manifest to {@code file}, replacing it. */
    public static Path write(Path file, AppManifest manifest) {
        try {
            return Files.write(file, bytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a runtime package of this app: {@code NAVX.NEA}, then content no manifest can be read from. */
    public static byte[] runtimePackageBytes(AppManifest manifest) {
        byte[] app = bytes(manifest);
        System.arraycopy(RUNTIME_MARK, 0, app, MAGIC.length, RUNTIME_MARK.length);
        return app;
    }

    /**
     * Reads the manifest of an uploaded app.
     *
     * @throws NotAnAppException when it is a runtime package, is not an app, or its manifest cannot be read
     */
    public static AppManifest read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(HEADER_LENGTH);
        if (header.length < HEADER_LENGTH || !startsWith(header, 0, MAGIC)) {
            throw new NotAnAppException("The specified file is not an extension file.");
        }
        if (startsWith(header, MAGIC.length, RUNTIME_MARK)) {
            throw new NotAnAppException("The specified file is a runtime package; upload the extension's .app file.");
        }
        ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (fields.getInt(4) != HEADER_LENGTH || !startsWith(header, HEADER_LENGTH - MAGIC.length, MAGIC)) {
            throw new NotAnAppException("The specified file is not an extension file.");
        }
        ZipInputStream zip = new ZipInputStream(in);
        int entries = 0;
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (++entries > MAX_ENTRIES) {
                break;
            }
            if (entry.getName().equals(MANIFEST)) {
                byte[] xml = zip.readNBytes(MAX_MANIFEST_BYTES + 1);
                if (xml.length > MAX_MANIFEST_BYTES) {
                    throw new NotAnAppException("The manifest of the extension is larger than "
                                                + MAX_MANIFEST_BYTES + " bytes.");
                }
                return manifest(xml);
            }
        }
        throw new NotAnAppException("The specified file is not an extension file: it has no " + MANIFEST + ".");
    }

    private static AppManifest manifest(byte[] xml) throws NotAnAppException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Document document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
            Element app = first(document.getDocumentElement(), "App");
            List<AppManifest.Dependency> dependencies = new ArrayList<>();
            Element list = first(document.getDocumentElement(), "Dependencies");
            if (list != null) {
                NodeList nodes = list.getElementsByTagNameNS("*", "Dependency");
                for (int i = 0; i < nodes.getLength(); i++) {
                    Element dependency = (Element) nodes.item(i);
                    dependencies.add(new AppManifest.Dependency(required(dependency, "Id"),
                            required(dependency, "Name"), required(dependency, "Publisher"),
                            AppVersion.parse(required(dependency, "MinVersion"))));
                }
            }
            if (app == null) {
                throw new NotAnAppException("The manifest of the extension has no App element.");
            }
            return new AppManifest(required(app, "Id"), required(app, "Name"), required(app, "Publisher"),
                    AppVersion.parse(required(app, "Version")), dependencies);
        } catch (NotAnAppException e) {
            throw e;
        } catch (Exception e) {
            throw new NotAnAppException("The manifest of the extension cannot be read: " + e.getMessage());
        }
    }

    private static Element first(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String required(Element element, String attribute) throws NotAnAppException {
        String value = element.getAttribute(attribute);
        if (value.isBlank()) {
            throw new NotAnAppException("The manifest's " + element.getLocalName() + " element has no " + attribute
                                        + ".");
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

    private static byte[] zip(AppManifest manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType="
                    + "\"text/xml\" /><Default Extension=\"json\" ContentType=\"application/json\" /></Types>");
            entry(zip, MANIFEST, manifestXml(manifest));
            entry(zip, "SymbolReference.json", "{\"AppId\":\"" + manifest.id() + "\",\"Name\":\""
                    + json(manifest.name()) + "\",\"Publisher\":\"" + json(manifest.publisher()) + "\",\"Version\":\""
                    + manifest.version() + "\",\"Tables\":[],\"Codeunits\":[],\"Pages\":[]}");
            entry(zip, "MediaIdListing.xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><MediaIdListing />");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String manifestXml(AppManifest manifest) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><Package xmlns=\"")
                .append(NAMESPACE).append("\"><App Id=\"").append(xml(manifest.id())).append("\" Name=\"")
                .append(xml(manifest.name())).append("\" Publisher=\"").append(xml(manifest.publisher()))
                .append("\" Brief=\"\" Description=\"\" Version=\"").append(manifest.version())
                .append("\" CompatibilityId=\"0.0.0.0\" PrivacyStatement=\"\" EULA=\"\" Help=\"\" HelpBaseUrl=\"\""
                        + " Url=\"\" Logo=\"\" Platform=\"27.0.0.0\" Application=\"27.0.0.0\" Runtime=\"16.0\""
                        + " Target=\"Cloud\" ShowMyCode=\"True\" /><IdRanges><IdRange MinObjectId=\"50100\""
                        + " MaxObjectId=\"50149\" /></IdRanges><Dependencies>");
        for (AppManifest.Dependency dependency : manifest.dependencies()) {
            xml.append("<Dependency Id=\"").append(xml(dependency.id())).append("\" Name=\"")
                    .append(xml(dependency.name())).append("\" Publisher=\"").append(xml(dependency.publisher()))
                    .append("\" MinVersion=\"").append(dependency.minVersion()).append("\" />");
        }
        return xml.append("</Dependencies></Package>").toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** An upload that is not an extension's {@code .app}, or whose manifest cannot be read. */
    public static final class NotAnAppException extends IOException {

        NotAnAppException(String message) {
            super(message);
        }
    }
}
