package io.deploykit.examples.filedrop;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.release.ReleaseFailedException;
import io.deploykit.camel.release.run.ReleaseReport;

/**
 * The report of a release, written beside its bundle once the bundle moved to {@code .done} or {@code .error}:
 * {@code <name it got>.report.md} (the matrix of target by step) and {@code .report.json}. A report that cannot be
 * written is logged; the bundle stays moved all the same.
 */
final class ReleaseReports {

    static final String REPORT = "DeployKitReleaseReport";

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseReports.class);

    private final Inbox inbox;

    ReleaseReports(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Keeps the report of the exchange's release: its body once deployed, or its failure's. */
    static void keep(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof ReleaseFailedException failed) {
            exchange.setProperty(REPORT, failed.getReport());
        } else if (body instanceof ReleaseReport report) {
            exchange.setProperty(REPORT, report);
        }
    }

    /** Writes the kept report into the outcome folder of {@code folder}, for its bundle moving in as {@code movedAs}. */
    void writeBeside(Exchange exchange, String folder, String outcome, String movedAs) {
        ReleaseReport report = exchange.getProperty(REPORT, ReleaseReport.class);
        if (report == null) {
            return;
        }
        try {
            java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
            files.put(movedAs + ".report.md", report.toMarkdown());
            files.put(movedAs + ".report.json", report.toJson());
            BesideFiles.write(exchange, inbox.outcomeFolder(folder, outcome), files);
        } catch (RuntimeException e) {
            LOG.warn("Could not write the report of {}: {}", movedAs, e.getMessage());
        }
    }
}
