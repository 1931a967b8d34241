package io.deploykit.benchmarks.measuredjvm;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/**
 * Sends exchanges into a route without a thread per exchange: the caller's thread returns as soon as the route goes
 * asynchronous (unlike ProducerTemplate's async methods, which block a pool thread per exchange).
 */
final class AsyncSender implements AutoCloseable {

    private final Endpoint endpoint;
    private final AsyncProducer producer;

    AsyncSender(CamelContext context, String uri) throws Exception {
        this.endpoint = context.getEndpoint(uri);
        this.producer = endpoint.createAsyncProducer();
        producer.start();
    }

    /** Completes with the exchange when the route is done with it, failed or not. */
    CompletableFuture<Exchange> send(Consumer<Exchange> fill) {
        Exchange exchange = endpoint.createExchange();
        fill.accept(exchange);
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        producer.process(exchange, doneSync -> done.complete(exchange));
        return done;
    }

    @Override
    public void close() throws Exception {
        producer.stop();
    }
}
