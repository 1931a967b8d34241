package io.deploykit.benchmarks.measuredjvm;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.bc.BcConstants;
import io.deploykit.camel.bc.model.Company;
import io.deploykit.camel.release.ReleaseBundle;
import io.deploykit.camel.release.ReleaseConstants;
import io.deploykit.camel.release.ReleaseValidator;
import io.deploykit.camel.release.ValidRelease;
import io.deploykit.camel.release.manifest.ReleaseStep;
import io.deploykit.camel.release.manifest.ReleaseTarget;

/**
 * Benchmark 7's client: the release through {@code release:deploy}, or the same deploys one by one through the bc:
 * endpoints (each app set once per environment, each package and each picture once per company, in turn); reports
 * the wall time, the steps done and the JVM's peak thread count.
 * <p>Arguments: {@code BC_URL POLL_MILLIS RELEASE_ZIP release|onebyone}
 */
public final class ReleaseClient {

    private ReleaseClient() {
    }

    public static void main(String[] args) throws Exception {
        try (CamelContext context = ClientCamel.create(args[0], null, Duration.ofMillis(Long.parseLong(args[1])))) {
            // the emulated apps have no publisher terms; a real deploy sets this as the user's own agreement
            context.getComponent("bc", BcComponent.class).getConfiguration().setAcceptIsvEula(true);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            threads.resetPeakThreadCount();
            long start = System.nanoTime();
            if (args[3].equals("release")) {
                Exchange done = template.send("release:deploy", e -> e.getMessage().setBody(new File(args[2])));
                if (done.getException() != null) {
                    throw new IllegalStateException("The release failed", done.getException());
                }
                ClientOutput.report("stepsDone", done.getMessage().getHeader(ReleaseConstants.STEPS_DONE));
            } else {
                oneByOne(template, Path.of(args[2]));
            }
            ClientOutput.report("nanos", System.nanoTime() - start);
            ClientOutput.report("peakThreads", threads.getPeakThreadCount());
        }
    }

    private static void oneByOne(ProducerTemplate template, Path zip) {
        try (ReleaseBundle bundle = ReleaseBundle.open(zip)) {
            ValidRelease release = ReleaseValidator.validate(bundle);
            for (ReleaseTarget target : release.manifest().waves().get(0).targets()) {
                String env = "&environment=" + target.environment();
                @SuppressWarnings("unchecked")
                List<Company> companies = template.requestBody("bc:company?operation=list" + env, null, List.class);
                for (ReleaseStep step : release.manifest().steps()) {
                    List<Path> files = release.files(step);
                    switch (step.kind()) {
                        case app -> require(template.send("bc:app?operation=deploy" + env,
                                e -> e.getMessage().setBody(files.stream().map(Path::toFile).toList())));
                        case configurationPackage -> companies.forEach(company -> require(template.send(
                                "bc:configurationPackage?operation=deploy" + env + "&companyId=" + company.id(),
                                e -> e.getMessage().setBody(files.get(0).toFile()))));
                        case pictures -> companies.forEach(company -> files.forEach(picture -> require(template.send(
                                "bc:picture?operation=update" + env + "&companyId=" + company.id(), e -> {
                                    String name = picture.getFileName().toString();
                                    e.getMessage().setHeader(BcConstants.PARENT_NUMBER,
                                            name.substring(0, name.lastIndexOf('.')));
                                    e.getMessage().setBody(picture.toFile());
                                }))));
                        default -> throw new IllegalStateException("not in this benchmark: " + step.kind());
                    }
                }
            }
        }
    }

    private static void require(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new IllegalStateException("A deploy failed", exchange.getException());
        }
    }
}
