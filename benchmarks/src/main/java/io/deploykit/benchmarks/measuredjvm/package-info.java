/**
 * The programs a benchmark runs in a JVM of their own, so that the threads and heap it measures are theirs
 * alone: Camel routes and hand-written clients that deploy to an emulator and print what they measured.
 */
package io.deploykit.benchmarks.measuredjvm;
