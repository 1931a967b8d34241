package io.deploykit.camel.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import io.deploykit.camel.core.body.BoundedInputStream;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.camel.release.manifest.ManifestReader;

/**
 * A release as dropped: a folder, or a zip unpacked into a temporary folder (bounded in entries and bytes, every
 * entry kept inside it), with {@code release.yaml} at its root. Closing it deletes what it unpacked.
 */
public final class ReleaseBundle implements AutoCloseable {

    /** More entries than a release of apps, packages and pictures needs. */
    public static final int MAX_ENTRIES = 10_000;
    /** Every file of a release together, unpacked. */
    public static final long MAX_UNPACKED_BYTES = 4L * 1024 * 1024 * 1024;

    private final String name;
    private final Path root;
    private final Path unpacked;

    private ReleaseBundle(String name, Path root, Path unpacked) {
        this.name = name;
        this.root = root;
        this.unpacked = unpacked;
    }

    /**
     * @param path the release's folder, its {@code release.yaml} (a folder named by its manifest, as a file consumer
     *             that waits for the manifest written last picks it), or a zip
     * @throws InvalidReleaseException when it is neither a folder nor a readable zip, or holds no manifest
     */
    public static ReleaseBundle open(Path path) {
        return open(path, MAX_ENTRIES, MAX_UNPACKED_BYTES);
    }

    static ReleaseBundle open(Path path, int maxEntries, long maxUnpackedBytes) {
        if (isManifest(path)) {
            path = path.toAbsolutePath().getParent();
        }
        String name = path.getFileName().toString();
        if (Files.isDirectory(path)) {
            return requireManifest(new ReleaseBundle(name, path.toAbsolutePath().normalize(), null));
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidReleaseException(name, List.of(path + " is neither a folder nor a zip"));
        }
        Path target;
        try {
            target = Files.createTempDirectory("deploykit-release-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a temporary folder to unpack " + name, e);
        }
        ReleaseBundle bundle = new ReleaseBundle(name, target, target);
        try {
            unzip(name, path, target, maxEntries, maxUnpackedBytes);
            return requireManifest(bundle);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    private static boolean isManifest(Path path) {
        return path.getFileName() != null && ManifestReader.FILE_NAME.equals(path.getFileName().toString())
               && Files.isRegularFile(path);
    }

    private static ReleaseBundle requireManifest(ReleaseBundle bundle) {
        if (!Files.isRegularFile(bundle.root.resolve(ManifestReader.FILE_NAME))) {
            throw new InvalidReleaseException(bundle.name, List.of("no " + ManifestReader.FILE_NAME + " at the root of "
                                                                   + bundle.name));
        }
        return bundle;
    }

    private static void unzip(String name, Path zip, Path target, int maxEntries, long maxUnpackedBytes) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            if (file.size() > maxEntries) {
                throw new InvalidReleaseException(name, List.of(name + " has " + file.size() + " entries, more than the "
                                                                + maxEntries + " a release may have"));
            }
            long total = 0;
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target) || entry.getName().contains("..")) {
                    throw new InvalidReleaseException(name, List.of(name + " holds an entry outside its root: '"
                                                                    + entry.getName() + "'"));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                long left = maxUnpackedBytes - total;
                try (InputStream in = new BoundedInputStream(file.getInputStream(entry), left,
                        "The files of release " + name + " unpacked")) {
                    total += Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (InvalidReleaseException e) {
            throw e;
        } catch (InvalidInputException e) { // the unpacked bytes' bound, whatever the entries' headers claimed
            throw new InvalidReleaseException(name, List.of(name + " unpacks to more than " + maxUnpackedBytes
                                                            + " bytes, the most a release may hold"));
        } catch (ZipException e) {
            throw new InvalidReleaseException(name, List.of(name + " is not a readable zip: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack release " + name + ": " + e.getMessage(), e);
        }
    }

    /** The bundle's file or folder name. */
    public String name() {
        return name;
    }

    /** The folder that holds {@code release.yaml} and the files it names. */
    public Path root() {
        return root;
    }

    /** A path of the manifest, inside the root (the manifest reader refuses '..' and absolute paths). */
    public Path resolve(String relative) {
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException(relative + " is outside the release");
        }
        return resolved;
    }

    /** The manifest's bytes, at most {@link ManifestReader#MAX_BYTES} + 1 (the reader names a larger one). */
    public byte[] manifestBytes() {
        try (InputStream in = Files.newInputStream(root.resolve(ManifestReader.FILE_NAME))) {
            return in.readNBytes(ManifestReader.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidReleaseException(name, List.of("cannot read " + ManifestReader.FILE_NAME + ": "
                                                            + e.getMessage()));
        }
    }

    @Override
    public void close() {
        if (unpacked == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(unpacked)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind: the next start's temporary space, not a failed release
        }
    }
}
