package io.deploykit.examples.filedrop;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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

    private record Oldest(String name, long modified) {
    }

    private record Listing(long takenNanos, Map<String, Oldest> oldestByCode) {
    }

    private static final long LISTING_REUSE_MILLIS = 250;

    private final boolean ftp;
    private final Map<Path, Known> codes = new ConcurrentHashMap<>();
    private volatile Listing listing;

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
            Oldest oldest = oldestByCode(() -> listedOnServer(operations, file)).get(ANY_CODE);
            return new Turn(ANY_CODE, LOCK_PREFIX + ANY_CODE, olderThan(oldest, file));
        }
        Path path = Path.of(file.getAbsoluteFilePath());
        String code = codeOf(path, file.getFileLength(), file.getLastModified());
        if (code == null) {
            return new Turn(null, null, null); // not a package: its deploy fails and says why
        }
        Oldest oldest = oldestByCode(() -> listedLocally(path.getParent())).get(code);
        return new Turn(code, LOCK_PREFIX + code, olderThan(oldest, file));
    }

    /** The oldest file of a code in the folder, if it is older than this one. */
    private static String olderThan(Oldest oldest, GenericFile<?> file) {
        return oldest != null && isOlder(oldest.modified(), oldest.name(), file.getLastModified(), file.getFileNameOnly())
                ? oldest.name() : null;
    }

    /**
     * The oldest file of each code in the folder, from a listing shared by the files of one poll (a folder of n files
     * is listed once, not n times); a listing is used for {@value #LISTING_REUSE_MILLIS} ms at most.
     */
    private Map<String, Oldest> oldestByCode(Supplier<Map<String, Oldest>> list) {
        Listing last = listing;
        if (last == null || System.nanoTime() - last.takenNanos() > TimeUnit.MILLISECONDS.toNanos(LISTING_REUSE_MILLIS)) {
            last = new Listing(System.nanoTime(), list.get());
            listing = last;
        }
        return last.oldestByCode();
    }

    private Map<String, Oldest> listedLocally(Path folder) {
        Map<String, Oldest> oldest = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(candidate -> isPackage(candidate.getFileName().toString())).forEach(candidate -> {
                try {
                    long modified = Files.getLastModifiedTime(candidate).toMillis();
                    String code = codeOf(candidate, Files.size(candidate), modified);
                    if (code != null) {
                        oldest.merge(code, new Oldest(candidate.getFileName().toString(), modified), PackageTurns::older);
                    }
                } catch (IOException gone) {
                    // moved meanwhile
                }
            });
        } catch (IOException e) {
            LOG.debug("Cannot list {}: {}", folder, e.getMessage());
        }
        codes.keySet().removeIf(known -> !known.getParent().equals(folder) || Files.notExists(known));
        return oldest;
    }

    private static Map<String, Oldest> listedOnServer(GenericFileOperations<?> operations, GenericFile<?> file) {
        Object[] listed;
        try {
            listed = operations.listFiles(file.getParent());
        } catch (RuntimeException e) {
            LOG.debug("Cannot list {} on the server: {}", file.getParent(), e.getMessage());
            return Map.of(); // the lock of the folder still keeps its files one at a time
        }
        Map<String, Oldest> oldest = new HashMap<>();
        for (Object entry : listed == null ? new Object[0] : listed) {
            if (entry instanceof FTPFile candidate && candidate.isFile() && isPackage(candidate.getName())
                && candidate.getTimestamp() != null) {
                oldest.merge(ANY_CODE, new Oldest(candidate.getName(), candidate.getTimestamp().getTimeInMillis()),
                        PackageTurns::older);
            }
        }
        return oldest;
    }

    private static Oldest older(Oldest a, Oldest b) {
        return isOlder(a.modified(), a.name(), b.modified(), b.name()) ? a : b;
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
