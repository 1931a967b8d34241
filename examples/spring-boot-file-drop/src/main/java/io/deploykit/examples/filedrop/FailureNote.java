package io.deploykit.examples.filedrop;

import java.time.OffsetDateTime;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The note saying why a file failed: composed when it fails (this processor, in the route's error handler), written
 * as {@code <name it gets in .error>.error.txt} just before the file moves there ({@link OutcomeMove}), so each failed
 * file keeps its own note. Sent as a separate message, so the failed exchange is left as it is; a note that cannot
 * be written is logged, and the file stays moved all the same.
 */
final class FailureNote implements Processor {

    static final String NOTE = "DeployKitFailureNote";

    private static final Logger LOG = LoggerFactory.getLogger(FailureNote.class);

    private final Inbox inbox;

    FailureNote(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String file = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String folder = exchange.getFromRouteId(); // each route is named after its folder
        String note = "File:   " + file + "\n"
                      + "Route:  " + folder + "\n"
                      + "Failed: " + OffsetDateTime.now() + "\n"
                      + "Reason: " + (cause == null ? "unknown" : cause.getClass().getName() + ": " + cause.getMessage()) + "\n";
        LOG.warn("{} failed and is moved to .error: {}", file, cause == null ? "unknown" : cause.getMessage());
        exchange.setProperty(NOTE, note);
    }

    /** Writes the note of the failed exchange into the .error folder of {@code folder}, for its file moving in as {@code movedAs}. */
    void writeBeside(Exchange exchange, String folder, String movedAs) {
        String note = exchange.getProperty(NOTE, String.class);
        if (note == null) {
            return;
        }
        try {
            BesideFiles.write(exchange, inbox.failureNotes(folder), java.util.Map.of(movedAs + ".error.txt", note));
        } catch (RuntimeException e) {
            LOG.warn("Could not write the failure note of {}: {}", movedAs, e.getMessage());
        }
    }
}
