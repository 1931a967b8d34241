package io.deploykit.emulator.bc;

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
 */
final class RapidStartReader {

    static final String NOT_A_PACKAGE = "The file is not a valid RapidStart package";

    /** Why a file is not a RapidStart package; the message is the import error to show. */
    static final class InvalidPackageException extends Exception {
        InvalidPackageException(String reason) {
            super(NOT_A_PACKAGE + ": " + reason + ".", null, false, false);
        }
    }

    private RapidStartReader() {
    }

    static RapidStartContent read(Path file) throws InvalidPackageException, IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)), 64 * 1024)) {
            return read(in);
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

    private static RapidStartContent read(InputStream in) throws XMLStreamException, InvalidPackageException {
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
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth == 1) {
                            header = Header.of(xml);
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
            throw new InvalidPackageException("the TableID of <" + table + "> is '" + text + "', not a number");
        }
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

        static Header of(XMLStreamReader root) throws InvalidPackageException {
            if (!root.getLocalName().equals("DataList")) {
                throw new InvalidPackageException("its root element is <" + root.getLocalName()
                                                  + ">, not <DataList>");
            }
            String code = root.getAttributeValue(null, "Code");
            if (code == null || code.isBlank()) {
                throw new InvalidPackageException("its <DataList> element has no Code attribute");
            }
            String language = root.getAttributeValue(null, "LanguageID");
            Integer languageId;
            try {
                languageId = language == null || language.isBlank() ? null : Integer.valueOf(language.trim());
            } catch (NumberFormatException e) {
                throw new InvalidPackageException("its LanguageID '" + language + "' is not a number");
            }
            return new Header(code.trim(), root.getAttributeValue(null, "PackageName"),
                    root.getAttributeValue(null, "ProductVersion"), languageId);
        }
    }
}
