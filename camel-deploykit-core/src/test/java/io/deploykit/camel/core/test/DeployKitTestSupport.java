package io.deploykit.camel.core.test;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;

/** What the tests of both components do alike with their exchanges. */
public abstract class DeployKitTestSupport extends CamelTestSupport {

    /** Sends and returns the exchange, failed or not, so tests can look at both the result and the exception. */
    protected Exchange send(String uri, Object body, String header, Object value) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            if (header != null) {
                exchange.getMessage().setHeader(header, value);
            }
        });
    }

    /** The exception the exchange failed with, unwrapped from Camel's. */
    protected static Throwable failure(Exchange exchange) {
        Throwable e = exchange.getException();
        return e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e;
    }
}
