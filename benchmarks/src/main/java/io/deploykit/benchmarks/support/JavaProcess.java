package io.deploykit.benchmarks.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child JVM on this JVM's class path: the emulator, or a client whose threads and heap must be its own. Its
 * standard error goes to a log file (an emulator logs a lot; a full pipe would stall it), its standard output to a
 * line handler.
 */
public final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Thread reader;

    private JavaProcess(Process process, Path log, Thread reader) {
        this.process = process;
        this.log = log;
        this.reader = reader;
    }

    /**
     * @param jvmOptions such as {@code -Xmx64m}
     * @param lines      gets each line of standard output, on a reader thread of this JVM
     */
    public static JavaProcess start(Class<?> main, List<String> jvmOptions, List<String> args, Path log,
                                    Consumer<String> lines) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.accept(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "stdout-" + main.getSimpleName());
        reader.setDaemon(true);
        reader.start();
        return new JavaProcess(process, log, reader);
    }

    /**
     * Runs a client to its end and returns its report.
     *
     * @throws IllegalStateException when it fails or overruns, with the end of its log
     */
    public static ClientReport run(Class<?> main, List<String> jvmOptions, List<String> args, Path workDir,
                                   Duration timeout) throws IOException, InterruptedException {
        ClientReport report = new ClientReport();
        Path log = workDir.resolve(main.getSimpleName() + "-" + System.nanoTime() + ".log");
        try (JavaProcess child = start(main, jvmOptions, args, log, report::accept)) {
            if (!child.process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(main.getSimpleName() + " did not finish within " + timeout
                                                + "; its log ends with:\n" + child.logTail());
            }
            child.reader.join(5_000);
            if (child.process.exitValue() != 0) {
                throw new IllegalStateException(main.getSimpleName() + " exited with " + child.process.exitValue()
                                                + "; its log ends with:\n" + child.logTail());
            }
        }
        return report;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail() {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
