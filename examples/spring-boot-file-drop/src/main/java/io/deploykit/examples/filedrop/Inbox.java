package io.deploykit.examples.filedrop;

import java.nio.file.Path;
import java.time.Duration;

import io.deploykit.camel.release.InvalidReleaseException;
import io.deploykit.camel.release.manifest.ManifestReader;

/**
 * The endpoints of one inbox folder, local or on FTP: the consumer that picks files (moving them to {@code .done} or
 * {@code .error} once their route has finished, never before, and leaving them where they are when the route was
 * interrupted), and the endpoint that writes failure notes into {@code .error}.
 */
final class Inbox {

    /** The exchange property naming the folder a file moves to when its route is done: .done or .error. */
    static final String OUTCOME = "DeployKitOutcome";
    static final String DONE = ".done";
    static final String ERROR = ".error";

    private final FileDropProperties properties;
    private final Path ftpWorkDirectory;

    Inbox(FileDropProperties properties, Path ftpWorkDirectory) {
        this.properties = properties;
        this.ftpWorkDirectory = ftpWorkDirectory;
    }

    /**
     * Picks the files of {@code folder} with one of the extensions, under the read lock bound as {@code lock}, and
     * moves each to its outcome folder with the strategy bound as {@link #moveOf}.
     */
    String consumer(String folder, String extensions, String lock) {
        return consumer(folder, "includeExt=" + extensions, lock, moveOf(folder));
    }

    /**
     * Picks the {@code release.yaml} of each folder in {@code folder}: a release dropped as a folder is picked once its
     * manifest, written last, is stable, and moves whole with the strategy bound as {@link #folderMoveOf}.
     */
    String releaseFolders(String folder, String lock) {
        return consumer(folder, "recursive=true&minDepth=2&maxDepth=2&antInclude=*/" + ManifestReader.FILE_NAME, lock,
                folderMoveOf(folder));
    }

    private String consumer(String folder, String selection, String lock, String move) {
        String options = selection
                         + "&exclusiveReadLockStrategy=#" + lock
                         + "&processStrategy=#" + move
                         + "&sortBy=file:modified;file:name" // oldest first (PackageTurns keeps one code in turn)
                         + "&initialDelay=0&delay=" + properties.getPollDelay().toMillis()
                         + (isSet(properties.getDoneFileName()) ? "&doneFileName=" + properties.getDoneFileName() : "");
        return base(folder) + (isFtp()
                ? "&" + options + "&binary=true&localWorkDirectory=" + ftpWorkDirectory.resolve(folder)
                : "?" + options);
    }

    /** The name of the {@link OutcomeMove} of {@code folder} in the registry. */
    static String moveOf(String folder) {
        return "deploykitOutcomeMove-" + folder;
    }

    /** The name of the {@link OutcomeMove#ofFolders} of {@code folder} in the registry. */
    static String folderMoveOf(String folder) {
        return "deploykitFolderMove-" + folder;
    }

    /** How long a file must be seen unchanged before it is picked up. */
    Duration stableFor() {
        return isFtp() ? properties.getFtp().getStableFor() : properties.getReadLockMinAge();
    }

    /** Writes the failure notes beside the files moved to {@code .error}. */
    String failureNotes(String folder) {
        return outcomeFolder(folder, ERROR);
    }

    /** Writes files beside those moved to {@code outcome} ({@code .done} or {@code .error}) of {@code folder}. */
    String outcomeFolder(String folder, String outcome) {
        return base(folder + "/" + outcome);
    }

    /** Refuses a file whose neighbours the route needs when it came from FTP, which fetches each file alone. */
    void requireLocal(org.apache.camel.Exchange exchange, String what) {
        if (isFtp()) {
            String name = Path.of(exchange.getMessage().getHeader(org.apache.camel.Exchange.FILE_NAME, String.class))
                    .getName(0).toString();
            throw new InvalidReleaseException(name, java.util.List.of(what + " cannot be taken from an FTP inbox, which"
                    + " fetches one file at a time: drop the release as a zip"));
        }
    }

    boolean isFtp() {
        return properties.getSource() == FileDropProperties.Source.ftp;
    }

    private String base(String folder) {
        if (isFtp()) {
            FileDropProperties.Ftp ftp = properties.getFtp();
            FileDropProperties.FtpTls tls = ftp.getTls();
            return (tls == FileDropProperties.FtpTls.none ? "ftp" : "ftps") + "://" + ftp.getHost() + ":" + ftp.getPort()
                   + "/" + trimSlashes(properties.getInbox()) + "/" + folder
                   + "?username=RAW(" + ftp.getUsername() + ")&password=RAW(" + ftp.getPassword() + ")"
                   + "&passiveMode=" + ftp.isPassive()
                   + (tls == FileDropProperties.FtpTls.none ? "" : tlsOptions(ftp));
        }
        return "file:" + Path.of(properties.getInbox(), folder).toAbsolutePath();
    }

    /** The data channels encrypted too (PROT P), the server's host name checked against its certificate. */
    private static String tlsOptions(FileDropProperties.Ftp ftp) {
        return "&implicit=" + (ftp.getTls() == FileDropProperties.FtpTls.implicit)
               + "&execPbsz=0&execProt=P&ftpClient.endpointCheckingEnabled=true"
               + (isSet(ftp.getSslBundle()) ? "&sslContextParameters=#" + FtpTls.BEAN : "");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
