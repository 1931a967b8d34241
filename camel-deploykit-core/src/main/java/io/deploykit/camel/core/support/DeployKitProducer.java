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
public abstract class DeployKitProducer extends DefaultAsyncProducer {

    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();

    protected DeployKitProducer(DeployKitEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public DeployKitEndpoint getEndpoint() {
        return (DeployKitEndpoint) super.getEndpoint();
    }

    /**
     * Starts the operation the exchange asks for; the future sets the result on the exchange before it completes.
     * May throw when the exchange cannot be processed at all (nothing was sent then).
     */
    protected abstract CompletableFuture<?> operate(Exchange exchange);

    /**
     * The exchange's resource and operation as statistics and metrics name it, such as
     * {@code configurationPackage.deploy}; may throw when the exchange names none (it is then counted as
     * {@code unknown}).
     */
    protected abstract String operationName(Exchange exchange);

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
        RunningOperation running = begin(exchange);
        CompletableFuture<?> work;
        try {
            work = operate(exchange);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            running.end(e);
            exchange.setException(Failures.typed(e));
            callback.done(true);
            return true;
        }
        InFlight operation = new InFlight(exchange);
        inFlight.add(operation);
        work.whenComplete((result, failure) -> {
            if (failure == null) {
                operation.outcome.complete(null);
            } else {
                operation.outcome.completeExceptionally(failure);
            }
        });
        if (!isRunAllowed()) {
            operation.interrupt(); // stopped between the check of the caller and here
        }
        operation.outcome.whenComplete((result, failure) -> {
            inFlight.remove(operation);
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

    private RunningOperation begin(Exchange exchange) {
        DeployKitStatistics statistics = getEndpoint().getComponent().getStatistics();
        if (statistics == null) {
            return RunningOperation.NONE;
        }
        String name;
        try {
            name = operationName(exchange);
        } catch (RuntimeException invalid) {
            name = "unknown"; // operate() fails the exchange with the reason
        }
        return statistics.begin(exchange.getExchangeId(), getEndpoint().getEndpointBaseUri(), name);
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
