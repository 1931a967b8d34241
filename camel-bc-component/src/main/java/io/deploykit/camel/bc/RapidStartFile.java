package io.deploykit.camel.bc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.camel.util.ObjectHelper;

import io.deploykit.camel.core.body.BoundedInputStream;
import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.InvalidInputException;

/**
 * What a RapidStart package says about itself: a gzip of XML whose root element {@code DataList} carries the
 * package {@code Code} and {@code PackageName}. Only the start of the file is read, never the whole of it.
 */
record RapidStartFile(String code, String packageName) {

    private static final XMLInputFactory XML = newFactory();

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // a package is data: no DTDs, no external entities
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** The root element is at the very start: a file whose first MiB (decompressed) does not complete it is refused. */
    static final int MAX_HEAD = 1 << 20;

    static RapidStartFile read(UploadBody body) {
        try (InputStream in = new BoundedInputStream(new GZIPInputStream(new BufferedInputStream(body.openStream()), 8192),
                MAX_HEAD, "The XML before the end of the root element of '" + body.fileName() + "'")) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        return fromRoot(body, xml);
                    }
                }
            } finally {
                xml.close();
            }
            throw notRapidStart(body, "it holds no XML element", null);
        } catch (ZipException e) {
            throw notRapidStart(body, "it is not gzip-compressed", e);
        } catch (XMLStreamException e) {
            throw notRapidStart(body, "its content is not XML (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw notRapidStart(body, "it could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static RapidStartFile fromRoot(UploadBody body, XMLStreamReader root) {
        if (!"DataList".equals(root.getLocalName())) {
            throw notRapidStart(body, "its root element is <" + root.getLocalName() + ">, not <DataList>", null);
        }
        String code = root.getAttributeValue(null, "Code");
        if (ObjectHelper.isEmpty(code)) {
            throw notRapidStart(body, "its <DataList> element has no Code attribute", null);
        }
        return new RapidStartFile(code.trim(), root.getAttributeValue(null, "PackageName"));
    }

    private static InvalidInputException notRapidStart(UploadBody body, String why, Throwable cause) {
        return new InvalidInputException("'" + body.fileName() + "' is not a RapidStart package: " + why, cause);
    }
}
