package io.deploykit.examples.filedrop;

import java.nio.file.Path;
import java.time.Duration;

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
        String options = "includeExt=" + extensions
                         + "&exclusiveReadLockStrategy=#" + lock
                         + "&processStrategy=#" + moveOf(folder)
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
