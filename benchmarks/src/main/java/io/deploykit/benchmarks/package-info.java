/**
 * The benchmarks of the components against the emulators: what each measures, its targets, and the
 * RESULTS.md report ({@link io.deploykit.benchmarks.BenchmarkMain}).
 */
package io.deploykit.benchmarks;
