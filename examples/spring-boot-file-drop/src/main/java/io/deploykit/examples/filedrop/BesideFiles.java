package io.deploykit.examples.filedrop;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Writes files beside one moving into an outcome folder (its failure note, a release's report), through the
 * inbox's own endpoint (a local folder or FTP), as messages of their own: the exchange of the file is left as it is.
 */
final class BesideFiles {

    private BesideFiles() {
    }

    /**
     * @param into  the endpoint of the outcome folder
     * @param files content by file name, written in this order
     * @throws RuntimeException when one cannot be written (the callers log it: the file stays moved all the same)
     */
    static void write(Exchange exchange, String into, Map<String, String> files) {
        ProducerTemplate template = exchange.getContext().createProducerTemplate();
        try {
            files.forEach((name, content) -> template.sendBodyAndHeader(into, content, Exchange.FILE_NAME, name));
        } finally {
            try {
                template.stop();
            } catch (Exception ignored) {
                // a template holds no resources worth reporting
            }
        }
    }
}
