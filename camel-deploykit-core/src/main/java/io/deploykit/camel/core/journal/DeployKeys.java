package io.deploykit.camel.core.journal;

import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;

import io.deploykit.camel.core.body.UploadBody;

/** What names one deploy in the {@link DeployJournal}: the message's own key, or its file and content. */
public final class DeployKeys {

    private DeployKeys() {
    }

    /** Whether the message names its deploy itself, by the header: then the key means the same deploy for good. */
    public static boolean isGiven(Exchange exchange, String header) {
        return ObjectHelper.isNotEmpty(exchange.getMessage().getHeader(header, String.class));
    }

    /**
     * The header's value when the message carries one; else the file's name, length, last-modified time (as the file
     * consumers report it) and SHA-256. The same file dropped again later (copied anew, so modified anew) is a new
     * deploy; the same file seen again after a crash or by another instance is the same deploy, until it has been
     * moved to its outcome folder (see {@link SettleAfterMove}).
     */
    public static String of(Exchange exchange, String header, UploadBody body) {
        String given = exchange.getMessage().getHeader(header, String.class);
        if (ObjectHelper.isNotEmpty(given)) {
            return given.trim();
        }
        Object modified = exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED);
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        return (name == null ? body.fileName() : name) + '|' + body.length() + '|'
               + (modified == null ? "-" : exchange.getContext().getTypeConverter().convertTo(Long.class, modified)) + '|'
               + body.sha256();
    }
}
