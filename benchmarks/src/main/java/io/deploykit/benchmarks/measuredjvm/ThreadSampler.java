package io.deploykit.benchmarks.measuredjvm;

import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples the live thread count every 10 ms (ThreadMXBean's peak covers the whole interval; the samples show the
 * live count, and this sampler is one of the threads counted).
 */
final class ThreadSampler {

    private final Thread thread;
    private volatile boolean running = true;
    private volatile int max;

    private ThreadSampler(ThreadMXBean threads) {
        thread = new Thread(() -> {
            while (running) {
                max = Math.max(max, threads.getThreadCount());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "thread-sampler");
        thread.setDaemon(true);
    }

    static ThreadSampler start(ThreadMXBean threads) {
        ThreadSampler sampler = new ThreadSampler(threads);
        sampler.thread.start();
        return sampler;
    }

    /** @return the largest live count seen */
    int stop() throws InterruptedException {
        running = false;
        thread.join();
        return max;
    }

    /** The live threads grouped by name without digits, to tell which pool grew, such as {@code {Camel #-thread=20}}. */
    static String poolsAlive() {
        Map<String, Integer> pools = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            pools.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return pools.toString();
    }
}
