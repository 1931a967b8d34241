package io.deploykit.benchmarks.measuredjvm;

import java.io.File;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Benchmark 1's client, run with a small heap: uploads a warm-up file, then the large one, through the component,
 * and reports the large upload's time and the JVM's peak heap.
 * <p>Arguments: {@code bc|reactor BC_URL REACTOR_URL WARMUP_FILE LARGE_FILE}
 */
public final class UploadClient {

    static final String BC_UPLOAD = "bc:configurationPackage?operation=upload";
    /** Without the wait for processing: the benchmark is the upload, which curl is compared with. */
    static final String REACTOR_CREATE = "reactor:extensionPackage?operation=create&waitForCompletion=false";

    private UploadClient() {
    }

    public static void main(String[] args) throws Exception {
        String uri = "bc".equals(args[0]) ? BC_UPLOAD : REACTOR_CREATE;
        try (CamelContext context = ClientCamel.create(args[1], args[2], Duration.ofSeconds(1))) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            send(template, uri, new File(args[3]));
            long start = System.nanoTime();
            send(template, uri, new File(args[4]));
            ClientOutput.report("nanos", System.nanoTime() - start);
            ClientOutput.report("peakHeapBytes", HeapUse.peakBytes());
            ClientOutput.report("maxHeapBytes", HeapUse.maxBytes());
        }
    }

    private static void send(ProducerTemplate template, String uri, File file) {
        Exchange result = template.send(uri, exchange -> exchange.getMessage().setBody(file));
        if (result.getException() != null) {
            throw new IllegalStateException("The upload of " + file + " failed", result.getException());
        }
    }
}
