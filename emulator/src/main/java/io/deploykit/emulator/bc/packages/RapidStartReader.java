package io.deploykit.emulator.bc.packages;

import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a RapidStart package as Business Central's import does, streaming: a gzip of XML (UTF-16 in practice; the
 * parser takes the encoding from the byte order mark or the XML declaration) whose root element {@code DataList}
 * names the package in its {@code Code} attribute. Each child of the root is a table, with a {@code TableID}
 * element and one element per record; a record is a child of a table that has elements of its own.
 * <p>
 * The file comes from a client, and the reader runs inside the application that embeds the emulator: what it
 * decompresses is bounded ({@link BoundedInput}), so that a small hostile file cannot exhaust the heap. Over a limit,
 * the file is not a valid package, and the message names the limit.
 */
public final class RapidStartReader {

    static final String NOT_A_PACKAGE = "The file is not a valid RapidStart package";

    /** The most bytes decompressed before the root start tag ends: a declaration, a comment, a few attributes. */
    public static final int MAX_ROOT_BYTES = 1 << 20;
    /**
     * The most bytes decompressed for one XML event: a start tag with all its attributes (the parser holds it
     * whole), or the text of {@code TableID}. Other text is read in pieces, so a long field value is no problem.
     */
    static final int MAX_TOKEN_BYTES = 1 << 20;
    /** Deflate gives at most about 1030:1; this much is only reached by long runs of one pattern. */
    static final int MAX_COMPRESSION_RATIO = 1000;
    /** Whatever the ratio: far above what the upload limit lets in (350 MB at a plausible 20:1 is 7 GB). */
    static final long MAX_DECOMPRESSED_BYTES = 16L << 30;
    /** A package nests four levels (root, table, record, field); the parser keeps a stack of open elements. */
    static final int MAX_DEPTH = 64;

    private static final String ROOT_LIMIT = "the start tag of its root element does not end within the first "
                                             + MAX_ROOT_BYTES + " bytes";
    private static final String TOKEN_LIMIT = "it has a start tag or a text longer than " + MAX_TOKEN_BYTES
                                              + " bytes";

    /** Why a file is not a RapidStart package; the message is the import error to show. */
    static final class InvalidPackageException extends Exception {
        InvalidPackageException(String reason) {
            super(NOT_A_PACKAGE + ": " + reason + ".", null, false, false);
        }
    }

    private RapidStartReader() {
    }

    static RapidStartContent read(Path file) throws InvalidPackageException, IOException {
        long compressed = Files.size(file);
        try (InputStream gzip = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)), 64 * 1024)) {
            BoundedInput in = bounded(gzip, compressed);
            try {
                return read(in);
            } catch (XMLStreamException e) {
                if (in.exceeded() != null) { // the parser reports it as an error of its own
                    throw new InvalidPackageException(in.exceeded());
                }
                throw e;
            }
        } catch (ZipException e) {
            throw new InvalidPackageException("it is not gzip-compressed");
        } catch (EOFException e) {
            throw new InvalidPackageException("it is truncated");
        } catch (CharConversionException e) {
            throw new InvalidPackageException("its text is not in the encoding it declares (" + e.getMessage() + ")");
        } catch (XMLStreamException e) {
            throw new InvalidPackageException("its content is not well-formed XML (" + e.getMessage() + ")");
        }
    }

    private static BoundedInput bounded(InputStream gzip, long compressed) {
        long byRatio = MAX_COMPRESSION_RATIO * Math.max(compressed, 1);
        String totalLimit = "it decompresses to more than " + (byRatio < MAX_DECOMPRESSED_BYTES
                ? MAX_COMPRESSION_RATIO + " times its size of " + compressed + " bytes"
                : MAX_DECOMPRESSED_BYTES + " bytes");
        return new BoundedInput(gzip, Math.min(byRatio, MAX_DECOMPRESSED_BYTES), totalLimit, MAX_ROOT_BYTES,
                ROOT_LIMIT);
    }

    private static RapidStartContent read(BoundedInput in) throws XMLStreamException, InvalidPackageException {
        XMLStreamReader xml = factory().createXMLStreamReader(in);
        try {
            Header header = null;
            int depth = 0;
            int tables = 0;
            long records = 0;
            String table = null;
            boolean tableHasId = false;
            boolean inRecord = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (header != null) { // a window per event; up to the root's start tag, one for all
                    in.window(MAX_TOKEN_BYTES, TOKEN_LIMIT);
                }
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth > MAX_DEPTH) {
                            throw new InvalidPackageException("its elements nest deeper than " + MAX_DEPTH + " levels");
                        } else if (depth == 1) {
                            header = Header.of(xml);
                            in.window(MAX_TOKEN_BYTES, TOKEN_LIMIT);
                        } else if (depth == 2) {
                            tables++;
                            table = xml.getLocalName();
                            tableHasId = false;
                        } else if (depth == 3 && xml.getLocalName().equals("TableID")) {
                            tableHasId = tableId(xml, table);
                            depth--; // getElementText consumed the end of the element
                        } else if (depth == 3) {
                            inRecord = false;
                        } else if (depth == 4 && !inRecord) {
                            inRecord = true;
                            records++;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 2 && !tableHasId) {
                            throw new InvalidPackageException("the table element <" + table + "> has no TableID");
                        }
                        depth--;
                    }
                    default -> {
                        // text, comments and processing instructions say nothing about the package
                    }
                }
            }
            if (header == null) {
                throw new InvalidPackageException("it has no root element");
            }
            return new RapidStartContent(header.code, header.packageName, header.productVersion, header.languageId,
                    tables, records);
        } finally {
            xml.close();
        }
    }

    private static boolean tableId(XMLStreamReader xml, String table) throws XMLStreamException,
                                                                               InvalidPackageException {
        String text = xml.getElementText().trim();
        try {
            Integer.parseInt(text);
            return true;
        } catch (NumberFormatException e) {
            throw new InvalidPackageException("the TableID of <" + table + "> is '" + abbreviated(text)
                                              + "', not a number");
        }
    }

    /** The start of a text too long to quote in an error. */
    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "... (" + text.length() + " characters)";
    }

    /** A factory per file: the JDK's factory is not documented as thread-safe. Data only: no DTD, no entities. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** The attributes of the {@code DataList} root element. */
    private record Header(String code, String packageName, String productVersion, Integer languageId) {

        /** The lengths of the fields of a configuration package that the header fills. */
        private static final int CODE_LENGTH = 20;
        private static final int PACKAGE_NAME_LENGTH = 50;
        private static final int PRODUCT_VERSION_LENGTH = 248;
        private static final int LANGUAGE_ID_LENGTH = 10;

        static Header of(XMLStreamReader root) throws InvalidPackageException {
            if (!root.getLocalName().equals("DataList")) {
                throw new InvalidPackageException("its root element is <" + root.getLocalName()
                                                  + ">, not <DataList>");
            }
            String code = attribute(root, "Code", CODE_LENGTH);
            if (code == null || code.isBlank()) {
                throw new InvalidPackageException("its <DataList> element has no Code attribute");
            }
            String language = attribute(root, "LanguageID", LANGUAGE_ID_LENGTH);
            Integer languageId;
            try {
                languageId = language == null || language.isBlank() ? null : Integer.valueOf(language.trim());
            } catch (NumberFormatException e) {
                throw new InvalidPackageException("its LanguageID '" + language + "' is not a number");
            }
            return new Header(code.trim(), attribute(root, "PackageName", PACKAGE_NAME_LENGTH),
                    attribute(root, "ProductVersion", PRODUCT_VERSION_LENGTH), languageId);
        }

        /** The attribute, or null; longer than the field it fills, the package is refused (and not echoed whole). */
        private static String attribute(XMLStreamReader root, String name, int maxLength)
                throws InvalidPackageException {
            String value = root.getAttributeValue(null, name);
            if (value != null && value.trim().length() > maxLength) {
                throw new InvalidPackageException("its " + name + " has " + value.trim().length()
                                                  + " characters, more than the " + maxLength + " it may have");
            }
            return value;
        }
    }
}
