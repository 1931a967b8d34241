package io.deploykit.examples.filedrop;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.commons.net.ftp.FTPFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.body.BoundedInputStream;

/**
 * Files that carry one package code (v1 and v2 of one RapidStart package) are deployed one at a time, the oldest
 * first (by modification time, then name), across instances: a file waits while an older file of its code is still
 * in the inbox, and its deploy holds the lock {@code rapidstart-code/<code>} of the inbox's lock repository until its
 * outcome. The code is inside the file ({@code Code} of the root {@code DataList}, read from its first MiB).
 * <p>
 * On FTP a file's code is known only once it is downloaded, after it was taken: there every RapidStart file counts as
 * of one code, so the folder is deployed one file at a time, oldest first, across instances.
 */
final class PackageTurns {

    static final String LOCK_PREFIX = "rapidstart-code/";
    private static final String EXTENSION = ".rapidstart";
    /** The code of every file on FTP, where it cannot be read before the file is taken. */
    private static final String ANY_CODE = "*";
    private static final int MAX_HEAD = 1 << 20;
    private static final XMLInputFactory XML = newFactory();
    private static final Logger LOG = LoggerFactory.getLogger(PackageTurns.class);

    /** A file's turn: the lock to take (none for a file whose code cannot be read) or the older file it waits for. */
    record Turn(String code, String lock, String waitsFor) {
    }

    private record Known(long length, long modified, String code) {
    }

    private final boolean ftp;
    private final Map<Path, Known> codes = new ConcurrentHashMap<>();

    PackageTurns(boolean ftp) {
        this.ftp = ftp;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false); // a package is data: no DTDs, no external entities
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    Turn turnOf(GenericFileOperations<?> operations, GenericFile<?> file) {
        if (ftp) {
            return new Turn(ANY_CODE, LOCK_PREFIX + ANY_CODE, olderOnServer(operations, file));
        }
        Path path = Path.of(file.getAbsoluteFilePath());
        String code = codeOf(path, file.getFileLength(), file.getLastModified());
        if (code == null) {
            return new Turn(null, null, null); // not a package: its deploy fails and says why
        }
        return new Turn(code, LOCK_PREFIX + code, olderOfCode(path, file.getLastModified(), code));
    }

    /** The name of an older file of this code still in the folder, or null. */
    private String olderOfCode(Path path, long modified, String code) {
        try (Stream<Path> siblings = Files.list(path.getParent())) {
            return siblings.filter(sibling -> isPackage(sibling.getFileName().toString()) && !sibling.equals(path))
                    .filter(sibling -> {
                        try {
                            long siblingModified = Files.getLastModifiedTime(sibling).toMillis();
                            return isOlder(siblingModified, sibling.getFileName().toString(), modified,
                                    path.getFileName().toString())
                                   && code.equals(codeOf(sibling, Files.size(sibling), siblingModified));
                        } catch (IOException gone) {
                            return false;
                        }
                    })
                    .map(sibling -> sibling.getFileName().toString()).findFirst().orElse(null);
        } catch (IOException e) {
            LOG.debug("Cannot list the files beside {}: {}", path, e.getMessage());
            return null;
        } finally {
            if (codes.size() > 10_000) {
                codes.keySet().removeIf(known -> Files.notExists(known));
            }
        }
    }

    /** The name of an older RapidStart file in the server's listing, or null. */
    private static String olderOnServer(GenericFileOperations<?> operations, GenericFile<?> file) {
        Object[] listed;
        try {
            listed = operations.listFiles(file.getParent());
        } catch (RuntimeException e) {
            LOG.debug("Cannot list {} on the server: {}", file.getParent(), e.getMessage());
            return null; // the lock of the folder still keeps its files one at a time
        }
        for (Object entry : listed == null ? new Object[0] : listed) {
            if (entry instanceof FTPFile sibling && sibling.isFile() && isPackage(sibling.getName())
                && !sibling.getName().equals(file.getFileNameOnly()) && sibling.getTimestamp() != null
                && isOlder(sibling.getTimestamp().getTimeInMillis(), sibling.getName(), file.getLastModified(),
                        file.getFileNameOnly())) {
                return sibling.getName();
            }
        }
        return null;
    }

    private static boolean isPackage(String name) {
        return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    private static boolean isOlder(long modified, String name, long thanModified, String thanName) {
        return modified < thanModified || modified == thanModified && name.compareTo(thanName) < 0;
    }

    /** The package code inside the file, remembered while the file is unchanged; null when it cannot be read. */
    private String codeOf(Path path, long length, long modified) {
        Known known = codes.get(path);
        if (known != null && known.length() == length && known.modified() == modified) {
            return known.code();
        }
        String code = readCode(path);
        codes.put(path, new Known(length, modified, code));
        return code;
    }

    static String readCode(Path path) {
        try (InputStream in = new BoundedInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path)),
                8192), MAX_HEAD, "The start of " + path.getFileName())) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        String code = "DataList".equals(xml.getLocalName()) ? xml.getAttributeValue(null, "Code") : null;
                        return code == null || code.isBlank() ? null : code.trim();
                    }
                }
                return null;
            } finally {
                xml.close();
            }
        } catch (IOException | XMLStreamException | RuntimeException unreadable) {
            return null; // still being written, or not a package
        }
    }
}
