package io.deploykit.camel.core.support;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.OperationInterruptedException;
import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.observe.DeployKitStatistics;
import io.deploykit.camel.core.observe.RunningOperation;

/**
 * An asynchronous producer: the operation returns a future and the calling thread is released at once. The
 * exchange continues on the component's continuation pool when the future completes, never on an HTTP I/O
 * thread, so slow steps later in the route cannot stall other requests.
 * <p>
 * Every failure reaches the exchange as a {@code DeployKitException} (see {@link Failures#typed}). When the producer
 * stops with operations under way (Camel's graceful shutdown gave up waiting for them), each of their exchanges
 * completes at once with {@link OperationInterruptedException}: no exchange stays in flight, and the route can tell
 * an interruption from a failure.
 */
public abstract class DeployKitProducer<E extends DeployKitEndpoint<?, O>, O extends Enum<O> & DeployKitOperation>
        extends DefaultAsyncProducer {

    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private final E endpoint;

    protected DeployKitProducer(E endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public E getEndpoint() {
        return endpoint;
    }

    /**
     * Starts the operation, one method per operation, chosen by a switch on it; the future sets the result on the
     * exchange before it completes. May throw when the exchange cannot be processed at all (nothing was sent then).
     */
    protected abstract CompletableFuture<?> operate(O operation, Exchange exchange);

    /**
     * Tells the statistics that the exchange's operation deploys {@code file}: its upload is counted, its progress
     * logged when it is large (see {@code uploadProgressThreshold}), and {@code steps} (or null) shows its step.
     */
    protected void deploying(Exchange exchange, UploadBody file, DeployJournal.Entry steps) {
        DeployKitStatistics statistics = getEndpoint().getComponent().getStatistics();
        if (statistics != null) {
            statistics.running(exchange.getExchangeId()).deploys(file, steps,
                    getEndpoint().getConfiguration().getUploadProgressThreshold());
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        O operation = null;
        RuntimeException invalid = null;
        try {
            operation = endpoint.operation(exchange);
        } catch (RuntimeException e) {
            invalid = e; // counted as an unknown operation, then fails the exchange with the reason
        }
        RunningOperation running = begin(exchange, operation);
        CompletableFuture<?> work;
        try {
            if (invalid != null) {
                throw invalid;
            }
            work = operate(operation, exchange);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            running.end(e);
            exchange.setException(Failures.typed(e));
            callback.done(true);
            return true;
        }
        InFlight underWay = new InFlight(exchange);
        inFlight.add(underWay);
        work.whenComplete((result, failure) -> {
            if (failure == null) {
                underWay.outcome.complete(null);
            } else {
                underWay.outcome.completeExceptionally(failure);
            }
        });
        if (!isRunAllowed()) {
            underWay.interrupt(); // stopped between the check of the caller and here
        }
        underWay.outcome.whenComplete((result, failure) -> {
            inFlight.remove(underWay);
            running.end(failure);
            Runnable finish = () -> {
                if (failure != null) {
                    exchange.setException(Failures.typed(failure));
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

    /** Statistics and metrics name an operation by its resource, such as {@code configurationPackage.deploy}. */
    private RunningOperation begin(Exchange exchange, O operation) {
        DeployKitStatistics statistics = endpoint.getComponent().getStatistics();
        if (statistics == null) {
            return RunningOperation.NONE;
        }
        String name = operation == null ? "unknown" : endpoint.getResource().name() + "." + operation.uriValue();
        return statistics.begin(exchange.getExchangeId(), endpoint.getEndpointBaseUri(), name);
    }

    /** How many operations of this producer are under way. */
    public int inFlightCount() {
        return inFlight.size();
    }

    @Override
    protected void doStop() throws Exception {
        for (InFlight operation : inFlight) {
            operation.interrupt();
        }
        super.doStop();
    }

    /** One exchange's operation; its outcome completes once, with the work's result or with the interruption. */
    private final class InFlight {
        private final Exchange exchange;
        private final CompletableFuture<Void> outcome = new CompletableFuture<>();

        InFlight(Exchange exchange) {
            this.exchange = exchange;
        }

        void interrupt() {
            String what = "the " + getEndpoint().getEndpointBaseUri() + " operation of exchange " + exchange.getExchangeId();
            outcome.completeExceptionally(new OperationInterruptedException(what));
        }
    }
}
