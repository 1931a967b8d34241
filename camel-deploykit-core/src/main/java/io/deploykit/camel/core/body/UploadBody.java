package io.deploykit.camel.core.body;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.SynchronizationAdapter;

import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.error.InvalidInputException;

/**
 * The message body to upload, as something that can be read again for every retry without holding it in
 * memory: a file on disk is used where it lies; a stream is copied once to a temporary file, deleted on
 * {@link #close()}; a {@code byte[]} is already in memory and used as it is.
 */
public final class UploadBody implements Closeable {

    private final String fileName;
    private final Path file;
    private final byte[] bytes;
    private final boolean temporary;
    private volatile UploadObserver observer = UploadObserver.NONE;

    private UploadBody(String fileName, Path file, byte[] bytes, boolean temporary) {
        this.fileName = fileName;
        this.file = file;
        this.bytes = bytes;
        this.temporary = temporary;
    }

    public static UploadBody ofFile(Path file) {
        return new UploadBody(file.getFileName().toString(), file, null, false);
    }

    public static UploadBody ofBytes(String fileName, byte[] bytes) {
        return new UploadBody(fileName, null, bytes, false);
    }

    /**
     * Reads the body of the exchange's message: File, Path, GenericFile, byte[], InputStream, or anything
     * Camel converts to an InputStream. A temporary copy lives as long as the exchange: it is deleted when the
     * exchange completes, however that happens.
     *
     * @param defaultName the file name to report when the message carries none
     */
    public static UploadBody from(Exchange exchange, String defaultName) {
        UploadBody body = read(exchange, defaultName);
        if (body.temporary) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    body.close();
                }
            });
        }
        return body;
    }

    private static UploadBody read(Exchange exchange, String defaultName) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new InvalidInputException("The message body is empty: expected the package as a File, GenericFile, "
                                            + "InputStream or byte[]");
        }
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (name == null) {
            name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        }
        if (body instanceof WrappedFile<?> wrapped) {
            Object inner = wrapped.getFile() instanceof File ? wrapped.getFile() : wrapped.getBody();
            if (inner instanceof File f) {
                return existing(f.toPath());
            }
        }
        if (body instanceof File f) {
            return existing(f.toPath());
        }
        if (body instanceof Path p) {
            return existing(p);
        }
        String fileName = name == null ? defaultName : Path.of(name).getFileName().toString();
        if (body instanceof byte[] b) {
            return ofBytes(fileName, b);
        }
        InputStream in = exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, body);
        if (in == null) {
            throw new InvalidInputException("Cannot upload a message body of type " + body.getClass().getName()
                                            + ": expected a File, GenericFile, InputStream or byte[]");
        }
        return spool(fileName, in);
    }

    private static UploadBody existing(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("The file to upload does not exist or is not a regular file: " + path);
        }
        return ofFile(path);
    }

    private static UploadBody spool(String fileName, InputStream in) {
        try (InputStream source = in) {
            Path temp = Files.createTempFile("deploykit-", ".upload");
            try {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            return new UploadBody(fileName, temp, null, true);
        } catch (IOException e) {
            throw new DeployKitException("Could not read the message body into a temporary file: " + e.getMessage(), e);
        }
    }

    public String fileName() {
        return fileName;
    }

    public long length() {
        if (bytes != null) {
            return bytes.length;
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DeployKitException("Cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Who is told of the bytes sent when the body is streamed as a request body (for progress and metrics). */
    public UploadObserver observer() {
        return observer;
    }

    /** Tells {@code observer} of the bytes of every request that streams this body from now on. */
    public void observe(UploadObserver observer) {
        this.observer = observer == null ? UploadObserver.NONE : observer;
    }

    /** The file on disk holding the body, or null when the body is a byte array in memory. */
    public Path path() {
        return file;
    }

    public InputStream openStream() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    public ReadableByteChannel openChannel() throws IOException {
        return bytes != null ? Channels.newChannel(new ByteArrayInputStream(bytes))
                : FileChannel.open(file, StandardOpenOption.READ);
    }

    /** The SHA-256 of the content, in lower-case hex: one more read of the file, never of it all into memory. */
    public String sha256() {
        try (InputStream in = openStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DeployKitException("Cannot read " + fileName + " to hash it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a standard algorithm of every JVM", e);
        }
    }

    /** Deletes the temporary copy of a streamed body; a file that was given is never touched. */
    @Override
    public void close() {
        if (temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temp dir is cleaned by the OS; nothing of the user's is at stake
            }
        }
    }
}
