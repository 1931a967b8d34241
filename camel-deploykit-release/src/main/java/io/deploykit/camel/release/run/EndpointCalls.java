package io.deploykit.camel.release.run;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Sends exchanges to the deploying endpoints through their asynchronous producers: a step that waits for a job holds
 * no thread (the bc: and reactor: producers complete their callbacks from their own continuations). One producer per
 * endpoint URI, stopped on close.
 */
final class EndpointCalls implements AutoCloseable {

    private final CamelContext camel;
    private final Map<String, AsyncProducer> producers = new ConcurrentHashMap<>();

    EndpointCalls(CamelContext camel) {
        this.camel = camel;
    }

    /** The exchange once the endpoint is done with it, failed or not (see {@link Exchange#getException()}). */
    CompletableFuture<Exchange> send(String uri, Consumer<Exchange> prepare) {
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        try {
            AsyncProducer producer = producers.computeIfAbsent(uri, this::start);
            Exchange exchange = new DefaultExchange(camel);
            prepare.accept(exchange);
            producer.process(exchange, doneSync -> done.complete(exchange));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private AsyncProducer start(String uri) {
        Endpoint endpoint = camel.getEndpoint(uri);
        try {
            AsyncProducer producer = endpoint.createAsyncProducer();
            ServiceHelper.startService(producer);
            return producer;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start a producer for " + endpoint + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producers.values().forEach(ServiceHelper::stopService);
        producers.clear();
    }
}
