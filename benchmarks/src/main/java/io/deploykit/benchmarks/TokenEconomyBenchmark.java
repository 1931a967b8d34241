package io.deploykit.benchmarks;

import static io.deploykit.benchmarks.support.Figures.ratio;
import static io.deploykit.benchmarks.support.Figures.seconds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.deploykit.benchmarks.measuredjvm.TokenEconomyClient;
import io.deploykit.benchmarks.support.ClientReport;
import io.deploykit.benchmarks.support.EmulatorProcess;
import io.deploykit.benchmarks.support.JavaProcess;

/**
 * Benchmark 5: N calls, 32 in flight, and the token requests they cost: with a token that outlives the run, and with
 * one that expires several times during it.
 */
final class TokenEconomyBenchmark implements Benchmark {

    private static final int IN_FLIGHT = 32;

    @Override
    public String name() {
        return "tokens";
    }

    @Override
    public String target() {
        return "one token request per token lifetime";
    }

    @Override
    public List<Result> run(Scale scale) throws Exception {
        List<Result> results = new ArrayList<>();
        results.add(measure(scale, Duration.ofMinutes(60), "5a"));
        results.add(measure(scale, scale.shortTokenLifetime(), "5b"));
        return results;
    }

    private Result measure(Scale scale, Duration lifetime, String id) throws Exception {
        try (Workspace work = new Workspace(name());
             // tokens, not Business Central's 6000 requests per 5 minutes, which this many calls pass: the window is
             // raised (the other limits stay on)
             EmulatorProcess emulator = EmulatorProcess.start(work.dir(), "--token-lifetime", lifetime.toSeconds() + "s",
                     "--requests-per-window", "100000000")) {
            ClientReport report = JavaProcess.run(TokenEconomyClient.class,
                    List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                    List.of(emulator.bc().baseUrl(), Integer.toString(scale.tokenCalls()), Integer.toString(IN_FLIGHT)),
                    work.dir(), Duration.ofMinutes(10));
            long nanos = report.number("nanos");
            long failed = report.number("failed");
            var counts = emulator.bc().requestCounts();
            long tokens = counts.getOrDefault("token", 0L);
            long unauthorized = emulator.bc().requestsAnswered(401);
            long lifetimes = Math.max(1, (long) Math.ceil(nanos / 1e9 / lifetime.toSeconds()));
            boolean met = tokens <= lifetimes && failed == 0;
            String note = scale.tokenCalls() + " list calls, " + IN_FLIGHT + " in flight, in " + seconds(nanos)
                          + " (" + Math.round(scale.tokenCalls() / (nanos / 1e9)) + " calls/s); " + failed
                          + " failed; " + unauthorized + " answered 401";
            if (tokens > lifetimes) {
                note += ". Missed: the token is refreshed a tenth of its lifetime before it expires (at most 5 min,"
                        + " ClientCredentialsAuthenticator), so a run spanning several lifetimes costs one more";
            }
            return Result.of(met, id + ". token economy, lifetime " + seconds(lifetime),
                    "<= 1 token request per lifetime started (" + lifetimes + ")", tokens + " token request(s)",
                    ratio((double) tokens / lifetimes), note);
        }
    }
}
