package io.deploykit.benchmarks.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.deploykit.emulator.EmulatorMain;

/**
 * The Business Central and Reactor emulators in a JVM of their own, started with the project's standalone launcher,
 * so that the client JVM measured holds only the client's threads and heap.
 */
public final class EmulatorProcess implements AutoCloseable {

    private static final Pattern BC = Pattern.compile("Business Central emulator on (http://\\S+)");
    private static final Pattern REACTOR = Pattern.compile("Reactor\\) emulator on (http://\\S+)");
    private static final Pattern COMPANY = Pattern.compile("company\\s+(.+?)\\s+companyId=(\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** JVM options added to the emulator's, for diagnosis: {@code -Ddeploykit.benchmarks.emulatorJvmOptions=...} */
    public static final String JVM_OPTIONS_PROPERTY = "deploykit.benchmarks.emulatorJvmOptions";

    private final JavaProcess process;
    private final EmulatorAdmin bc;
    private final EmulatorAdmin reactor;
    private final String companyId;

    private EmulatorProcess(JavaProcess process, String bcUrl, String reactorUrl, String companyId) {
        this.process = process;
        this.bc = new EmulatorAdmin(bcUrl);
        this.reactor = reactorUrl == null ? null : new EmulatorAdmin(reactorUrl);
        this.companyId = companyId;
    }

    /**
     * Starts both emulators on free ports.
     *
     * @param options launcher options beyond the ports, such as {@code --job-step 1s}
     */
    public static EmulatorProcess start(Path workDir, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--bc", "--reactor", "--port", "0", "--reactor-port", "0"));
        args.addAll(List.of(options));
        String[] found = new String[3];
        CountDownLatch ready = new CountDownLatch(1);
        // quiet: its INFO lines per job would take CPU from the client on a small machine
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        String extra = System.getProperty(JVM_OPTIONS_PROPERTY, "").strip();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+"))); // such as a flight recording, to see where the emulator spends
        }
        JavaProcess process = JavaProcess.start(EmulatorMain.class, jvm, args,
                workDir.resolve("emulator-" + System.nanoTime() + ".log"), line -> {
                    capture(BC, line, found, 0, 1);
                    capture(REACTOR, line, found, 1, 1);
                    Matcher company = COMPANY.matcher(line);
                    if (company.find() && company.group(1).equals(EmulatorAdmin.COMPANY)) {
                        found[2] = company.group(2);
                    }
                    if (line.startsWith("Running until killed")) {
                        ready.countDown();
                    }
                });
        if (!ready.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || found[0] == null || found[2] == null) {
            String log = process.logTail();
            process.close();
            throw new IllegalStateException("The emulator did not start within " + START_TIMEOUT + ":\n" + log);
        }
        return new EmulatorProcess(process, found[0], found[1], found[2]);
    }

    private static void capture(Pattern pattern, String line, String[] found, int index, int group) {
        Matcher matcher = pattern.matcher(line);
        if (matcher.find()) {
            found[index] = matcher.group(group);
        }
    }

    public EmulatorAdmin bc() {
        return bc;
    }

    public EmulatorAdmin reactor() {
        return reactor;
    }

    /** The id of the demo company the benchmarks deploy to. */
    public String companyId() {
        return companyId;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
