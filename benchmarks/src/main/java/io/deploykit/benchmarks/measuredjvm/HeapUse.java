package io.deploykit.benchmarks.measuredjvm;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The heap a JVM has used at its peak, from its memory pools. */
final class HeapUse {

    private HeapUse() {
    }

    /**
     * The sum of the heap pools' peak usage since the JVM started: an upper bound of the peak heap used (the pools
     * may peak at different times).
     */
    static long peakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static long maxBytes() {
        return Runtime.getRuntime().maxMemory();
    }
}
