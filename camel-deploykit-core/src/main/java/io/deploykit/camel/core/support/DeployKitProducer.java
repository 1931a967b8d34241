package io.deploykit.camel.core.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * An asynchronous producer: the operation returns a future and the calling thread is released at once. The
 * exchange continues on the component's continuation pool when the future completes, never on an HTTP I/O
 * thread, so slow steps later in the route cannot stall other requests.
 */
public abstract class DeployKitProducer extends DefaultAsyncProducer {

    protected DeployKitProducer(DeployKitEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public DeployKitEndpoint getEndpoint() {
        return (DeployKitEndpoint) super.getEndpoint();
    }

    /** Starts the operation the exchange asks for; the future sets the result on the exchange before it completes. */
    protected abstract CompletableFuture<?> start(Exchange exchange);

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> work;
        try {
            work = start(exchange);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        work.whenComplete((result, failure) -> {
            Runnable finish = () -> {
                if (failure != null) {
                    exchange.setException(unwrap(failure));
                }
                callback.done(false);
            };
            ExecutorService continuations = getEndpoint().getComponent().getContinuations();
            try {
                if (continuations == null) {
                    finish.run(); // the component has stopped: finish here rather than lose the exchange
                } else {
                    continuations.execute(finish);
                }
            } catch (RejectedExecutionException stopping) {
                finish.run();
            }
        });
        return false;
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
