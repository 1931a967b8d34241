package io.deploykit.examples.filedrop;

import java.time.OffsetDateTime;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code <file>.error.txt} into the {@code .error} folder the failed file is about to be moved to, saying why
 * it failed. Sent as a separate message, so the failed exchange (and the move of its file) is left as it is; a note
 * that cannot be written is logged, and the file moves all the same.
 */
final class FailureNote implements Processor {

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
        ProducerTemplate template = exchange.getContext().createProducerTemplate();
        try {
            template.sendBodyAndHeader(inbox.failureNotes(folder), note, Exchange.FILE_NAME, file + ".error.txt");
        } catch (RuntimeException e) {
            // the file still moves aside: a note that cannot be written must not send it round again
            LOG.warn("Could not write the failure note of {}: {}", file, e.getMessage());
        } finally {
            try {
                template.stop();
            } catch (Exception ignored) {
                // a template holds no resources worth reporting
            }
        }
    }
}
