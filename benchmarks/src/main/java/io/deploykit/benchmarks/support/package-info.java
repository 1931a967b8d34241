/**
 * What the benchmarks share: child JVMs, the emulator as a process and its administration endpoints, and the
 * reports and figures the measured programs print.
 */
package io.deploykit.benchmarks.support;
