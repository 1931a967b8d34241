package io.deploykit.soak;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One instance of the file-drop application in a JVM of its own, as an operator runs it. Its output goes to a log
 * file (never a pipe that a stalled reader could fill), which the harness reads to see what it is doing. It can be
 * killed (SIGKILL: no shutdown hook runs) or stopped gracefully (SIGTERM, as by Ctrl+C, systemd or Kubernetes).
 */
final class Instance {

    static final String MAIN_CLASS = "io.deploykit.examples.filedrop.FileDropApplication";
    static final String STARTED = "Started FileDropApplication";

    private static final Pattern PICKED = Pattern.compile("Picked ([^\\s:]+)");
    private static final Pattern FINISHED = Pattern.compile(
            "(?:moving|Moving) (\\S+) to \\.done|(\\S+) failed and is moved to \\.error|(\\S+) was interrupted");
    static final String IMPORT_STARTED = "Started the import of configuration package";

    /** How an instance ended. */
    enum End { KILLED, TERMINATED, STOPPED_AT_END, EXITED_BY_ITSELF }

    final String name;
    final Path log;
    final Path tmp;
    private final Process process;
    private volatile Instant readyAt;
    private volatile End end;
    private volatile Integer exitCode;
    private long checkedUpTo;

    private Instance(String name, Process process, Path log, Path tmp) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.tmp = tmp;
    }

    /**
     * Starts the application on the harness's own class path (the example's classes and their dependencies), its
     * temporary files in a folder of the run (a killed JVM cannot clean up after itself).
     */
    /** Each instance's JVM in a time zone of its own, in turn: the locks must not depend on the instances' clocks. */
    static final List<String> TIME_ZONES = List.of("UTC", "Asia/Tokyo", "America/Los_Angeles");

    /** Starts instance number {@code number} (from 1), in the time zone of its turn in {@link #TIME_ZONES}. */
    static Instance start(int number, Path work, List<String> arguments) throws IOException {
        return start("i" + number, TIME_ZONES.get((number - 1) % TIME_ZONES.size()), work, arguments);
    }

    static Instance start(String name, String timeZone, Path work, List<String> arguments) throws IOException {
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path tmp = Files.createDirectories(work.resolve("tmp").resolve(name));
        Path log = logs.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", // small and quick to start: 2 cores are enough
                "-Djava.io.tmpdir=" + tmp, "-Duser.timezone=" + timeZone,
                "-cp", classPath(), MAIN_CLASS,
                "--spring.main.banner-mode=off",
                "--server.port=0", // instances run side by side: each its web server on a free port
                "--deploykit.example.demo-folder=" + work.resolve("demo").resolve(name)));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Instance(name, process, log, tmp);
    }

    /** This JVM's class path with absolute entries (java -jar gives a relative jar; its manifest names the rest). */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whether it logged that it started, checking the log now. */
    boolean isReady() {
        if (readyAt == null && logged(STARTED)) {
            readyAt = Instant.now();
        }
        return readyAt != null;
    }

    End end() {
        return end;
    }

    Integer exitCode() {
        return exitCode;
    }

    /** Waits until it watches the inbox; fails with its log tail when it exits or takes longer. */
    void awaitReady(Duration within) {
        Await.orFail(name + " started (\"" + STARTED + "\" in " + log + ")", within,
                () -> isReady() || !isAlive(), () -> tail(60));
        if (!isReady()) {
            throw new Await.SoakFailure(name + " exited at start-up with " + process.exitValue() + tail(60));
        }
    }

    /** SIGKILL: the JVM dies at once, no shutdown hook runs. */
    void kill() throws InterruptedException {
        end = End.KILLED;
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new Await.SoakFailure(name + " (pid " + pid() + ") did not die within 30 s of SIGKILL");
        }
        exitCode = process.exitValue();
    }

    /**
     * SIGTERM: a graceful stop. {@code Process.destroy()} is not used, since it would also close the harness's end
     * of the child's output. Returns false when it did not stop within the bound (it is then killed).
     */
    boolean terminate(Duration within, End as) throws InterruptedException {
        end = as;
        process.toHandle().destroy();
        boolean stopped = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        if (!stopped) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        exitCode = process.exitValue();
        return stopped;
    }

    /** Notes an exit the harness did not cause. */
    void noteExit() {
        if (!process.isAlive() && end == null) {
            end = End.EXITED_BY_ITSELF;
            exitCode = process.exitValue();
        }
    }

    List<String> lines() {
        try {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\r?\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean logged(String fragment) {
        return lines().stream().anyMatch(line -> line.contains(fragment));
    }

    /** Whether it started an import since the last call: proof that it is deploying right now. */
    synchronized boolean startedAnImportSinceLastCheck() {
        List<String> lines = lines();
        boolean found = false;
        for (int i = (int) Math.min(checkedUpTo, lines.size()); i < lines.size(); i++) {
            found |= lines.get(i).contains(IMPORT_STARTED);
        }
        checkedUpTo = lines.size();
        return found;
    }

    /** The files it picked and has not finished (moved, failed or given up on an interruption), by its log. */
    TreeSet<String> inFlight() {
        Map<String, Integer> open = new HashMap<>();
        for (String line : lines()) {
            Matcher picked = PICKED.matcher(line);
            if (picked.find()) {
                open.merge(picked.group(1), 1, Integer::sum);
                continue;
            }
            Matcher finished = FINISHED.matcher(line);
            if (finished.find()) {
                String file = finished.group(1) != null ? finished.group(1)
                        : finished.group(2) != null ? finished.group(2) : finished.group(3);
                open.merge(file, -1, Integer::sum);
            }
        }
        return open.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Its log lines that mention the text, for a report. */
    List<String> linesMentioning(String text) {
        return lines().stream().filter(line -> line.contains(text)).map(line -> name + ": " + line).toList();
    }

    String tail(int count) {
        List<String> lines;
        try {
            lines = lines();
        } catch (UncheckedIOException e) {
            return "\n--- no log of " + name + ": " + e.getMessage();
        }
        return "\n--- last " + Math.min(count, lines.size()) + " lines of " + name + " (" + log + ") ---\n"
               + String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
