package io.deploykit.emulator;


import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.BackgroundJobs;
import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;
import io.deploykit.emulator.bc.limits.BcLimits;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * The standalone launcher: {@code java -jar deploykit-emulator-standalone.jar --help}. Runs the chosen emulators
 * until killed, or makes a RapidStart file.
 */
public final class EmulatorMain {

    /** The port of a Business Central server instance's OData and API services. */
    static final int DEFAULT_PORT = 7048;
    static final int DEFAULT_REACTOR_PORT = 7049;

    private static final String USAGE = """
            Usage:
              java -jar deploykit-emulator-standalone.jar [--bc] [--reactor] [options]
              java -jar deploykit-emulator-standalone.jar make-rapidstart --code CODE --out FILE [options]
              java -jar deploykit-emulator-standalone.jar make-app --id GUID --name NAME --publisher NAME --version V --out FILE

            Runs emulators of the services DeployKit deploys to, on 127.0.0.1, until killed.

            Services (Business Central when none is chosen):
              --bc                       Business Central online and its Microsoft Entra ID token endpoint
              --reactor                  Adobe Experience Platform Tags (Reactor) and its Adobe IMS token endpoint

            Business Central options:
              --port N                   port to listen on (default 7048; 0 takes a free port)
              --tenant NAME              Entra tenant (default deploykit-demo.onmicrosoft.com)
              --environment NAME         environment (default production); repeat it for more, such as a
                                         sandbox: the first is the default, each has the demo companies
              --client-id ID             client id allowed to get tokens (default deploykit-demo)
              --client-secret SECRET     its secret (default demo-secret)
              --user NAME:KEY            a Basic authentication user for the on-premises root (repeatable)
              --job-step DURATION        length of each import/apply step (default 1s; e.g. 200ms, 2s, PT1M)
              --running-jobs N           import/apply jobs an environment runs at once (default 3, as Business
                                         Central online); the others stay Scheduled until one ends; 0: no limit
              --token-lifetime DURATION  access token lifetime (default 60m)
              --max-upload SIZE          largest upload (default 350MB; e.g. 1024, 64KB, 1GB; binary units)
              --max-page-size N          most entities in one list answer, the rest paged with @odata.nextLink
                                         (default 20000, as Business Central)
              --max-concurrent-requests N  requests of a user processed at once (default 5); more are queued
              --max-queued-requests N    requests of a user that may wait (default 95); more get 429
              --requests-per-window N    requests of a user per sliding window (default 6000); more get 429 with
                                         Retry-After
              --rate-window DURATION     the sliding window (default 5m)
              --operation-timeout DURATION  the longest a request may take (default 8m): a longer slow answer is
                                         answered 408, a request queued that long 503
              --no-limits                no limit on concurrency, queue or rate (the operation timeout stays)
              --storage DIR              directory for uploaded files, kept on exit (default: a temporary one,
                                         deleted on exit, or by the next start if this one is killed)

            Reactor options (--client-id and --client-secret apply to it too):
              --reactor-port N           port to listen on (default 7049; 0 takes a free port)
              --processing-time DURATION how long a package stays pending (default 1s)

            Common options:
              --verbose                  log every request
              --help                     print this text

            Administration endpoints (no authentication; only for a Host of localhost, 127.0.0.1 or [::1]),
            to drive a running emulator as tests do:
              GET    /_emulator                           URLs, tenant, environment, companies
              POST   /_emulator/faults                    {"kind":"rateLimit|serviceUnavailable|slow|dropConnection",
                                                           "requests":1, "retryAfterSeconds":1, "delayMillis":2000,
                                                           "method":"POST", "path":".*Microsoft.NAV.import"}
                                                          kinds that hit after the request was handled:
                                                           gatewayTimeoutAfterActing (504), badGatewayAfterActing
                                                           (502), dropAfterActing (no answer)
              GET    /_emulator/faults, DELETE /_emulator/faults
              POST   /_emulator/tokens/expire             every token issued so far expires
              GET    /_emulator/requests, DELETE /_emulator/requests
              GET    /_emulator/process                   {"cpuMillis":..., "availableProcessors":...}
              PUT    /_emulator/bc/jobs                   {"stuck":true}: jobs stay Scheduled until false
              PUT    /_emulator/bc/packages/CODE/jobs     {"stuck":true}: that package's jobs stay Scheduled
              PUT    /_emulator/bc/packages/CODE/apply-outcome   {"recordErrors":3} or {"failure":"message"}
              GET    /_emulator/bc/history                imports, applies and pictures stored, with SHA-256
              PUT    /_emulator/bc/apps                   {"operationMillis":2000}: how long an app install runs
              PUT    /_emulator/bc/apps/{appId}/install-failure  {"errorMessage":"..."}: its next install fails
              POST   /_emulator/bc/apps/update-window     every scheduled app install runs now
              GET    /_emulator/bc/limits                 the operational limits, requests refused, users' requests
              PUT    /_emulator/bc/limits                 {"maxConcurrentRequests":5, "maxQueuedRequests":95,
                                                           "requestsPerWindow":6000, "windowSeconds":300,
                                                           "operationTimeoutSeconds":480} (any), {"enabled":false}
              DELETE /_emulator/bc/limits                 back to Business Central online's limits
              PUT    /_emulator/reactor/processing        {"stuck":true}: packages stay pending until false
              POST   /_emulator/reactor/processing/failure  {"detail":"message"}: the next processing fails
              GET    /_emulator/reactor/history           zips uploaded (with SHA-256) and releases

            make-rapidstart writes a valid RapidStart package (gzip-compressed UTF-16 XML):
              --code CODE                the package code (required)
              --out FILE                 the file to write (required)
              --name NAME                the package name (default: the code)
              --tables N                 how many tables (default 3)
              --records N                records per table (default 10)
              --size SIZE                instead of tables and records: about this size, such as 100MB

            make-app writes a Business Central extension (.app: the NAVX header, then a zip with NavxManifest.xml):
              --id GUID                  the app id (required)
              --name NAME                the app name (required)
              --publisher NAME           the publisher (required)
              --version V                the version, such as 1.0.0.0 (required)
              --dependency ID:NAME:PUBLISHER:MINVERSION  an app it needs (repeatable; Base Application 27.0.0.0
                                         when none is given)
              --out FILE                 the file to write (required)
            """;

    private static final Set<String> FLAGS = Set.of("bc", "reactor", "verbose", "help", "no-limits");
    private static final Set<String> SERVE_OPTIONS = Set.of("bc", "reactor", "verbose", "help", "port", "tenant",
            "environment", "client-id", "client-secret", "user", "job-step", "running-jobs", "token-lifetime", "max-upload",
            "max-page-size", "storage", "reactor-port", "processing-time", "max-concurrent-requests",
            "max-queued-requests", "requests-per-window", "rate-window", "operation-timeout", "no-limits");
    private static final Set<String> MAKE_OPTIONS = Set.of("code", "out", "name", "tables", "records", "size", "help",
            "verbose");

    private static final Set<String> MAKE_APP_OPTIONS = Set.of("id", "name", "publisher", "version", "dependency",
            "out", "help", "verbose");

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CommandLine line;
        try {
            line = CommandLine.parse(args, FLAGS);
        } catch (IllegalArgumentException e) {
            System.exit(usageError(e.getMessage()));
            return;
        }
        configureLogging(line.has("verbose"));
        if (line.has("help")) {
            System.out.print(USAGE);
            return;
        }
        if ("make-rapidstart".equals(line.command())) {
            System.exit(makeRapidStart(line, System.out));
            return;
        }
        if ("make-app".equals(line.command())) {
            System.exit(makeApp(line, System.out));
            return;
        }
        if (line.command() != null) {
            System.exit(usageError("Unknown command '" + line.command() + "'"));
            return;
        }
        List<Emulator> running;
        try {
            running = start(line);
        } catch (RuntimeException e) {
            System.exit(usageError(e.getMessage()));
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(Emulator::close), "emulator-stop"));
        running.forEach(emulator -> emulator.describe().forEach(System.out::println));
        System.out.println("Running until killed (Ctrl+C).");
        Thread.currentThread().join(); // the servers' threads are daemons: this thread keeps the JVM up
    }

    /** Starts the emulators the command line chooses. */
    static List<Emulator> start(CommandLine line) {
        line.requireKnown(SERVE_OPTIONS);
        List<Emulator> running = new ArrayList<>();
        try {
            if (line.has("bc") || !line.has("reactor")) {
                running.add(startBc(line));
            }
            if (line.has("reactor")) {
                running.add(startReactor(line));
            }
        } catch (RuntimeException e) {
            running.forEach(Emulator::close);
            throw e;
        }
        return running;
    }

    private static ReactorEmulator startReactor(CommandLine line) {
        return ReactorEmulator.builder()
                .port(Integer.parseInt(line.value("reactor-port", Integer.toString(DEFAULT_REACTOR_PORT))))
                .client(line.value("client-id", ReactorEmulator.DEFAULT_CLIENT_ID),
                        line.value("client-secret", ReactorEmulator.DEFAULT_CLIENT_SECRET))
                .processingTime(CommandLine.duration(line.value("processing-time", "1s")))
                .start();
    }

    private static BcEmulator startBc(CommandLine line) {
        BcEmulator.Builder bc = BcEmulator.builder()
                .port(Integer.parseInt(line.value("port", Integer.toString(DEFAULT_PORT))))
                .tenant(line.value("tenant", BcEmulator.DEFAULT_TENANT))
                .environment(line.values("environment").stream().findFirst().orElse(BcEmulator.DEFAULT_ENVIRONMENT))
                .client(line.value("client-id", BcEmulator.DEFAULT_CLIENT_ID),
                        line.value("client-secret", BcEmulator.DEFAULT_CLIENT_SECRET))
                .jobStepDuration(CommandLine.duration(line.value("job-step", "1s")))
                .runningJobsPerEnvironment(Integer.parseInt(line.value("running-jobs",
                        Integer.toString(BackgroundJobs.DEFAULT_RUNNING_JOBS_PER_ENVIRONMENT))))
                .tokenLifetime(CommandLine.duration(line.value("token-lifetime", "60m")))
                .maxUploadBytes(CommandLine.size(line.value("max-upload", "350MB")))
                .maxPageSize(Integer.parseInt(line.value("max-page-size", "20000")))
                .limits(limits(line));
        line.values("environment").stream().skip(1).forEach(bc::addEnvironment);
        for (String user : line.values("user")) {
            int colon = user.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--user takes NAME:KEY, not '" + user + "'");
            }
            bc.user(user.substring(0, colon), user.substring(colon + 1));
        }
        if (line.has("storage")) {
            bc.storage(Path.of(line.value("storage", null)));
        }
        return bc.start();
    }

    /** The operational limits the command line asks for: Business Central online's, each option changing one. */
    static BcLimits limits(CommandLine line) {
        BcLimits limits = line.has("no-limits") ? BcLimits.NONE : BcLimits.BUSINESS_CENTRAL_ONLINE;
        return limits.with(integer(line, "max-concurrent-requests"), integer(line, "max-queued-requests"),
                integer(line, "requests-per-window"), duration(line, "rate-window"),
                duration(line, "operation-timeout"));
    }

    /** The integer an option gives; null when it is absent. */
    private static Integer integer(CommandLine line, String option) {
        return line.has(option) ? Integer.valueOf(line.value(option, null)) : null;
    }

    /** The duration an option gives; null when it is absent. */
    private static Duration duration(CommandLine line, String option) {
        return line.has(option) ? CommandLine.duration(line.value(option, null)) : null;
    }

    static int makeRapidStart(CommandLine line, PrintStream out) {
        try {
            line.requireKnown(MAKE_OPTIONS);
            String code = line.value("code", null);
            String file = line.value("out", null);
            if (code == null || file == null) {
                return usageError("make-rapidstart needs --code and --out");
            }
            Path target = Path.of(file);
            RapidStartFiles.Written written = line.has("size")
                    ? RapidStartFiles.writeOfSize(target, code, CommandLine.size(line.value("size", null)))
                    : RapidStartFiles.write(target, code, line.value("name", code),
                            Integer.parseInt(line.value("tables", "3")), Integer.parseInt(line.value("records", "10")));
            out.printf("Wrote %s: package %s, %d table(s), %d record(s), %d bytes%n", written.file(), written.code(),
                    written.tables(), written.records(), written.bytes());
            return 0;
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        } catch (IOException e) {
            System.err.println("Could not write the file: " + e.getMessage());
            return 1;
        }
    }

    static int makeApp(CommandLine line, PrintStream out) {
        try {
            line.requireKnown(MAKE_APP_OPTIONS);
            String id = line.value("id", null);
            String name = line.value("name", null);
            String publisher = line.value("publisher", null);
            String version = line.value("version", null);
            String file = line.value("out", null);
            if (id == null || name == null || publisher == null || version == null || file == null) {
                return usageError("make-app needs --id, --name, --publisher, --version and --out");
            }
            UUID.fromString(id); // an app id is a GUID
            List<AppManifest.Dependency> dependencies = line.values("dependency").isEmpty()
                    ? List.of(AppManifest.Dependency.parse(BASE_APPLICATION))
                    : line.values("dependency").stream().map(AppManifest.Dependency::parse).toList();
            AppManifest manifest = new AppManifest(id, name, publisher, AppVersion.parse(version), dependencies);
            Path written = AppFile.write(Path.of(file), manifest);
            out.printf("Wrote %s: app %s %s by %s (%s), %d dependencies, %d bytes%n", written, name, manifest.version(),
                    publisher, id, dependencies.size(), written.toFile().length());
            return 0;
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            System.err.println("Could not write the file: " + e.getCause().getMessage());
            return 1;
        }
    }

    private static final String BASE_APPLICATION =
            "437dbf0e-84ff-417a-965d-ed2bb9650972:Base Application:Microsoft:27.0.0.0";

    private static int usageError(String message) {
        System.err.println(message);
        System.err.println("Run with --help for the options.");
        return 2;
    }

    /** Sets the standalone jar's logger (slf4j-simple) up, unless system properties already did. */
    private static void configureLogging(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        if (verbose) {
            setIfAbsent("org.slf4j.simpleLogger.log.io.deploykit", "debug");
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
