package io.deploykit.benchmarks;

import static io.deploykit.benchmarks.support.Figures.ratio;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.deploykit.benchmarks.measuredjvm.AppDeployOnceClient;
import io.deploykit.benchmarks.support.ClientReport;
import io.deploykit.benchmarks.support.EmulatorProcess;
import io.deploykit.benchmarks.support.JavaProcess;
import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;

/**
 * Benchmark 6: one app deploy by {@code bc:app} (admin center API, {@code pteInstall}), measured against the emulator,
 * side by side with the request sequence of BcContainerHelper's {@code Publish-PerTenantExtensionApps} for the same
 * app and the same install duration, counted from its published source (Saas/Publish-PerTenantExtensionApps.ps1 of
 * microsoft/navcontainerhelper at a7bb72436dc2f11e8fc1ae23a056ee295c2565f5; the emulator does not serve the
 * deprecated Automation API routes it uses, so its sequence is counted, not replayed): a token, the companies, the
 * installed extensions, the upload record read and then created, the content, {@code Microsoft.NAV.upload}, then a
 * first {@code extensionDeploymentStatus} 30 s after the upload and one every 5 s while in progress, and the
 * installed extensions again at the end.
 */
final class AppDeployBenchmark implements Benchmark {

    /** The script's requests besides its polls: token, companies, extensions, upload record read + write, content, upload, extensions. */
    static final int SCRIPT_FIXED = 8;
    static final Duration SCRIPT_FIRST_POLL = Duration.ofSeconds(30);
    static final Duration SCRIPT_POLL = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "app";
    }

    @Override
    public String target() {
        return "fewer requests than Publish-PerTenantExtensionApps; the install's completion seen within one pollInterval";
    }

    @Override
    public List<Result> run(Scale scale) throws Exception {
        Duration install = scale.jobDuration();
        try (Workspace work = new Workspace(name()); EmulatorProcess emulator = EmulatorProcess.start(work.dir())) {
            emulator.bc().setAppOperationMillis(install.toMillis());
            Path file = AppFile.write(work.file("Benchmark_App_1.0.0.0.app"), new AppManifest(
                    UUID.randomUUID().toString(), "Benchmark App", "DeployKit", AppVersion.parse("1.0.0.0"),
                    List.of(new AppManifest.Dependency("437dbf0e-84ff-417a-965d-ed2bb9650972", "Base Application",
                            "Microsoft", AppVersion.parse("27.0.0.0")))));
            emulator.bc().clearRequests();
            ClientReport report = JavaProcess.run(AppDeployOnceClient.class,
                    List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                    List.of(emulator.bc().baseUrl(), Long.toString(scale.pollInterval().toMillis()), file.toString()),
                    work.dir(), Duration.ofMinutes(5));
            Map<String, Long> counts = emulator.bc().requestCounts();
            long ours = counts.values().stream().mapToLong(Long::longValue).sum();
            long scriptPolls = scriptPolls(install);
            long theirs = SCRIPT_FIXED + scriptPolls;
            Duration scriptSeen = SCRIPT_FIRST_POLL.plus(SCRIPT_POLL.multipliedBy(scriptPolls - 1));
            // the poll that saw the install's end: the first to reach the service after it (the emulator's clock)
            Instant completed = Instant.parse(report.text("completedOn"));
            long lag = emulator.bc().requestTimes("apps.operation").stream().filter(t -> !t.isBefore(completed))
                    .findFirst().map(t -> Duration.between(completed, t).toMillis()).orElse(-1L);
            String setting = "install " + install.toMillis() + " ms (emulated), pollInterval "
                             + scale.pollInterval().toMillis() + " ms";

            List<Result> results = new ArrayList<>();
            results.add(Result.of(ours < theirs && "succeeded".equalsIgnoreCase(report.text("status")),
                    "6a. one app deploy vs Publish-PerTenantExtensionApps: requests",
                    "fewer than the script's", ours + " vs " + theirs, ratio((double) ours / theirs),
                    setting + "; component by route " + counts + " (the install's operation "
                    + report.text("status") + "); the script: " + SCRIPT_FIXED + " fixed + " + scriptPolls
                    + " status poll(s) (first 30 s after the upload, then every 5 s), counted from its source"));
            results.add(Result.of(lag >= 0 && lag <= scale.pollInterval().toMillis(),
                    "6b. one app deploy vs Publish-PerTenantExtensionApps: completion seen",
                    "within one pollInterval (" + scale.pollInterval().toMillis() + " ms) of the install's end",
                    lag + " ms after it vs the script's " + scriptSeen.minus(install).toMillis() + " ms",
                    ratio((double) lag / scale.pollInterval().toMillis()) + " of pollInterval",
                    setting + "; from the operation's completedOn to the arrival of the poll that saw it (both by the"
                    + " emulator's clock); the script sees it at its first poll, "
                    + SCRIPT_FIRST_POLL.toSeconds() + " s after the upload, whatever the install's duration"));
            return results;
        }
    }

    /** How many status polls the script makes for an install of this duration: one at 30 s, then every 5 s. */
    static long scriptPolls(Duration install) {
        if (install.compareTo(SCRIPT_FIRST_POLL) <= 0) {
            return 1;
        }
        return 1 + (install.minus(SCRIPT_FIRST_POLL).toMillis() + SCRIPT_POLL.toMillis() - 1) / SCRIPT_POLL.toMillis();
    }
}
