package io.deploykit.benchmarks.measuredjvm;

import java.io.File;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Benchmark 3's client: one deploy from a cold start (no token, no company id yet), whose requests the harness counts
 * on the emulator.
 * <p>Arguments: {@code BC_URL POLL_MILLIS FILE [COMPANY_ID]} (with a company id, no company lookup is needed)
 */
public final class DeployOnceClient {

    private DeployOnceClient() {
    }

    public static void main(String[] args) throws Exception {
        try (CamelContext context = ClientCamel.create(args[0], null, Duration.ofMillis(Long.parseLong(args[1])))) {
            context.start();
            String uri = "bc:configurationPackage?operation=deploy" + (args.length > 3 ? "&companyId=" + args[3] : "");
            ProducerTemplate template = context.createProducerTemplate();
            long start = System.nanoTime();
            Exchange result = template.send(uri, exchange -> exchange.getMessage().setBody(new File(args[2])));
            ClientOutput.report("nanos", System.nanoTime() - start);
            if (result.getException() != null) {
                throw new IllegalStateException("The deploy failed", result.getException());
            }
        }
    }
}
