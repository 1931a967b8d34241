package io.deploykit.benchmarks.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The baseline of the upload benchmark: the system's curl, sending a file to the same endpoint. */
public final class Curl {

    private static final long TIMEOUT_MINUTES = 10;

    private Curl() {
    }

    /** Whether curl can be run here. */
    public static boolean available() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true).start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs curl with these arguments (after {@code -sS -o /dev/null -w %{http_code}}, and without the
     * {@code Expect: 100-continue} round trip, so that the baseline is curl at its fastest).
     *
     * @return the elapsed nanoseconds
     * @throws IOException when curl fails or the status is not the one expected
     */
    public static long timed(int expectedStatus, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                "-H", "Expect:"));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!curl.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            curl.destroyForcibly();
            throw new IOException("curl did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        long elapsed = System.nanoTime() - start;
        if (curl.exitValue() != 0 || !output.endsWith(Integer.toString(expectedStatus))) {
            throw new IOException("curl exited with " + curl.exitValue() + ", answer " + output + " (expected HTTP "
                                  + expectedStatus + ")");
        }
        return elapsed;
    }
}
