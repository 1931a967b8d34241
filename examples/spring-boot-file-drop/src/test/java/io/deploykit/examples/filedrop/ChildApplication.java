package io.deploykit.examples.filedrop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file-drop application in a JVM of its own, as an operator runs it: its output is kept, and it can be stopped
 * gracefully (SIGTERM, as by Ctrl+C, systemd or Kubernetes) or killed (SIGKILL, no shutdown hooks at all).
 */
final class ChildApplication implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ChildApplication(String name, Process process) {
        this.name = name;
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException ended) {
                // the process is gone
            }
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the application with these arguments; its temporary files go to a folder of {@code work}, which a
     * killed JVM cannot clean up itself.
     */
    static ChildApplication start(String name, Path work, List<String> arguments) throws IOException {
        return startWithHeap(name, work, "256m", arguments);
    }

    /** As {@link #start}, with this much heap at most (such as {@code 128m}). */
    static ChildApplication startWithHeap(String name, Path work, String heap, List<String> arguments) throws IOException {
        return startWithJvmOptions(name, work, List.of("-Xmx" + heap), arguments);
    }

    /** As {@link #start}, with these JVM options (such as {@code -Duser.timezone=Asia/Tokyo}) before the class name. */
    static ChildApplication startWithJvmOptions(String name, Path work, List<String> jvmOptions, List<String> arguments)
            throws IOException {
        return start(name, work, jvmOptions, null, Map.of(), arguments);
    }

    /**
     * As {@link #start}, in its own working directory (where anything written to a relative path lands) and with
     * these environment variables (how secrets are usually given).
     */
    static ChildApplication startIn(Path directory, String name, Path work, Map<String, String> environment,
                                    List<String> arguments) throws IOException {
        return start(name, work, List.of(), directory, environment, arguments);
    }

    private static ChildApplication start(String name, Path work, List<String> jvmOptions, Path directory,
                                          Map<String, String> environment, List<String> arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path tmp = Files.createDirectories(work.resolve("tmp-" + name));
        List<String> command = new ArrayList<>(List.of(java));
        if (jvmOptions.stream().noneMatch(option -> option.startsWith("-Xmx"))) {
            command.add("-Xmx256m");
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), FileDropApplication.class.getName(),
                "--spring.main.banner-mode=off", "--deploykit.example.demo-folder=" + work.resolve("demo-" + name),
                "--server.port=0")); // instances run side by side: each on a free port
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        return new ChildApplication(name, builder.start());
    }

    /**
     * Waits until the application watches its inbox. One that does not is killed: in {@code try (... start(...)
     * .awaitStarted())} nothing else would close it.
     */
    ChildApplication awaitStarted() throws InterruptedException {
        try {
            Eventually.await(name + " started", Duration.ofSeconds(90),
                    () -> logged("Started FileDropApplication") || !isAlive(), this::tail);
        } catch (AssertionError notStarted) {
            close();
            throw notStarted;
        }
        if (!isAlive()) {
            throw new AssertionError(name + " exited at start-up:" + tail());
        }
        return this;
    }

    /** Everything it wrote so far. */
    String output() {
        return String.join("\n", output);
    }

    /** The port its web server listens on, from its log. */
    int port() {
        List<String> ports = matches(Pattern.compile("Tomcat started on port (\\d+)"));
        if (ports.isEmpty()) {
            throw new AssertionError(name + " logged no port:" + tail());
        }
        return Integer.parseInt(ports.get(0));
    }

    boolean logged(String fragment) {
        return output.stream().anyMatch(line -> line.contains(fragment));
    }

    /** The lines matching the pattern, each reduced to its first group. */
    List<String> matches(Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (String line : output) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the JVM dies at once, no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        reader.join(5_000);
    }

    /** SIGTERM: a graceful stop; returns the exit code. */
    int terminate(Duration within) throws InterruptedException {
        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not stop within " + within + " of SIGTERM:" + tail());
        }
        reader.join(5_000); // the last lines it wrote
        return process.exitValue();
    }

    /** The last lines of output, for failure messages. */
    String tail() {
        List<String> lines = List.copyOf(output);
        return "\n--- last output of " + name + " ---\n"
               + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
