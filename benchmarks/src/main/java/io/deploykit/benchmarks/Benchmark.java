package io.deploykit.benchmarks;

import java.util.List;

/** One benchmark of RESULTS.md: runs against its own emulator process and reports its rows. */
public interface Benchmark {

    /** The name to run it by: {@code java -jar deploykit-benchmarks.jar NAME}. */
    String name();

    /** What the target is, for the rows of a benchmark that could not run. */
    String target();

    List<Result> run(Scale scale) throws Exception;
}
