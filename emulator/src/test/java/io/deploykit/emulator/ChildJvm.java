package io.deploykit.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of this module in a JVM of its own, with the test class path and options of the test's. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code main} with these JVM options and arguments; its standard error goes to its standard output.
     */
    public static Process start(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code main} to its end; its exit status and what it printed. */
    public static Result run(List<String> jvmOptions, Class<?> main, String... args) {
        Process process = start(jvmOptions, main, args);
        try {
            String output = new String(process.getInputStream().readAllBytes());
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How a child JVM ended. */
    public record Result(int exitStatus, String output) {
    }
}
