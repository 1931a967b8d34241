package io.deploykit.camel.web;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per action on the page, in logger {@code deploykit.audit}: who did what to what, when, and how it ended. */
final class AuditLog {

    private static final Logger AUDIT = LoggerFactory.getLogger("deploykit.audit");

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    void record(String user, String action, String target, String outcome) {
        AUDIT.info("at={} user={} action={} target=\"{}\" outcome=\"{}\"", clock.instant(), user, action,
                clean(target), clean(outcome));
    }

    /** One line whatever a file name holds. */
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\"]", "_");
    }
}
