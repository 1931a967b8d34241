package io.deploykit.examples.filedrop;

import java.nio.file.Path;

/**
 * The endpoints of one inbox folder, local or on FTP: the consumer that picks files (moving them to {@code .done} or
 * {@code .error} once their route has finished, never before), and the endpoint that writes failure notes into
 * {@code .error}.
 */
final class Inbox {

    private final FileDropProperties properties;

    Inbox(FileDropProperties properties) {
        this.properties = properties;
    }

    /** Picks the files of {@code folder} with one of the extensions, once they have stopped changing. */
    String consumer(String folder, String extensions) {
        long minAge = properties.getReadLockMinAge().toMillis();
        String options = "includeExt=" + extensions
                         + "&move=.done&moveFailed=.error"
                         + "&readLock=changed&readLockMinAge=" + minAge
                         + "&readLockCheckInterval=" + Math.max(100, minAge / 2)
                         + "&readLockTimeout=" + Math.max(10_000, minAge * 4)
                         + "&initialDelay=0&delay=" + properties.getPollDelay().toMillis();
        return base(folder) + (properties.getSource() == FileDropProperties.Source.ftp
                ? "&" + options + "&binary=true&localWorkDirectory="
                  + Path.of(properties.getFtp().getLocalWorkDirectory(), folder).toAbsolutePath()
                : "?" + options);
    }

    /** Writes the failure notes beside the files moved to {@code .error}. */
    String failureNotes(String folder) {
        return base(folder + "/.error");
    }

    private String base(String folder) {
        if (properties.getSource() == FileDropProperties.Source.ftp) {
            FileDropProperties.Ftp ftp = properties.getFtp();
            return "ftp://" + ftp.getHost() + ":" + ftp.getPort() + "/" + trimSlashes(properties.getInbox()) + "/" + folder
                   + "?username=" + ftp.getUsername() + "&password=RAW(" + ftp.getPassword() + ")"
                   + "&passiveMode=" + ftp.isPassive();
        }
        return "file:" + Path.of(properties.getInbox(), folder).toAbsolutePath();
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
