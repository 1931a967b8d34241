package io.deploykit.benchmarks.measuredjvm;

import io.deploykit.benchmarks.support.ClientReport;

/** How a client JVM reports its figures to the harness: lines {@code RESULT key=value} on standard output. */
public final class ClientOutput {

    private ClientOutput() {
    }

    public static void report(String key, Object value) {
        System.out.println(ClientReport.PREFIX + key + "=" + value);
        System.out.flush();
    }
}
