package io.deploykit.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes RESULTS.md: the machine, the command, and one table row per result. */
final class ResultsReport {

    private ResultsReport() {
    }

    static void write(Path file, List<Result> results, String command, long elapsedSeconds) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# DeployKit benchmark results\n\n");
        md.append("Measured against the project's emulators on loopback, each benchmark side by side in one run")
          .append(" (how to run them: docs/benchmarks.md).\n\n");
        md.append("- Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append('\n');
        md.append("- Machine: ").append(machine()).append('\n');
        md.append("- Command: `").append(command).append("` (").append(elapsedSeconds).append(" s)\n\n");
        md.append("| benchmark | target | measured | ratio | verdict | notes |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append("| ").append(cell(r.benchmark())).append(" | ").append(cell(r.target())).append(" | ")
              .append(cell(r.measured())).append(" | ").append(cell(r.ratio())).append(" | ").append(r.verdict())
              .append(" | ").append(cell(r.reason())).append(" |\n");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    static String machine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return Runtime.getRuntime().availableProcessors() + " cores, "
               + Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)) + " GiB RAM, "
               + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
               + System.getProperty("os.arch") + "), " + System.getProperty("java.vm.name") + " "
               + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
