package io.deploykit.benchmarks.measuredjvm;

import java.io.File;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.bc.model.AppOperation;

/**
 * Benchmark 6's client: one app deploy from a cold start (no token yet), whose requests the harness counts on the
 * emulator; it reports when the install completed on the service.
 * <p>Arguments: {@code BC_URL POLL_MILLIS FILE}
 */
public final class AppDeployOnceClient {

    private AppDeployOnceClient() {
    }

    public static void main(String[] args) throws Exception {
        try (CamelContext context = ClientCamel.create(args[0], null, Duration.ofMillis(Long.parseLong(args[1])))) {
            // the emulated apps have no publisher terms; a real deploy sets this as the user's own agreement
            context.getComponent("bc", BcComponent.class).getConfiguration().setAcceptIsvEula(true);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            long start = System.nanoTime();
            Exchange result = template.send("bc:app?operation=deploy",
                    exchange -> exchange.getMessage().setBody(new File(args[2])));
            ClientOutput.report("nanos", System.nanoTime() - start);
            if (result.getException() != null) {
                throw new IllegalStateException("The deploy failed", result.getException());
            }
            AppOperation operation = result.getMessage().getBody(AppOperation.class);
            ClientOutput.report("status", operation.status());
            ClientOutput.report("completedOn", operation.completedOn());
        }
    }
}
