package io.deploykit.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** With a MeterRegistry in the application, a deploy moves the components' meters: no code, no configuration. */
@SpringBootTest(classes = {TestApplication.class, MicrometerMetricsTest.Registry.class})
@DirtiesContext // the emulator lives as long as this class
class MicrometerMetricsTest {

    static BcEmulator emulator;

    @TempDir
    static Path dir;

    @Autowired
    ProducerTemplate template;
    @Autowired
    MeterRegistry meters;

    @TestConfiguration
    static class Registry {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @DynamicPropertySource
    static void bcProperties(DynamicPropertyRegistry registry) {
        emulator = BcEmulator.builder().port(0).client("metrics-client", "metrics-secret")
                .jobStepDuration(Duration.ofMillis(50)).start();
        registry.add("camel.component.bc.base-url", emulator::apiBaseUrl);
        registry.add("camel.component.bc.token-url", emulator::tokenUrl);
        registry.add("camel.component.bc.tenant-id", emulator::tenant);
        registry.add("camel.component.bc.environment", emulator::environment);
        registry.add("camel.component.bc.company-name", () -> "CRONUS USA, Inc.");
        registry.add("camel.component.bc.client-id", () -> "metrics-client");
        registry.add("camel.component.bc.client-secret", () -> "metrics-secret");
        registry.add("camel.component.bc.poll-interval", () -> "50");
        registry.add("camel.component.bc.retry-delay", () -> "20");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void aDeployMovesTheCountersTimersAndGauges() throws Exception {
        Path file = dir.resolve("metrics.rapidstart");
        RapidStartFiles.write(file, "METRICS-1", "Metrics", 1, 2);
        emulator.faults().serviceUnavailable(1, 0);

        Exchange exchange = template.send("bc:configurationPackage?operation=deploy", e -> e.getMessage().setBody(file.toFile()));

        assertThat(exchange.getException()).isNull();
        assertThat(meters.get("deploykit.deploys").tags("component", "bc", "operation", "configurationPackage.deploy",
                "outcome", "success").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("deploykit.operations").tags("component", "bc", "outcome", "success").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("deploykit.job.wait").tags("component", "bc", "outcome", "success").timer().count())
                .isEqualTo(2); // the import and the apply
        assertThat(meters.get("deploykit.uploaded").tags("component", "bc").counter().count())
                .isEqualTo((double) Files.size(file));
        assertThat(meters.get("deploykit.retries").tags("component", "bc", "status", "503").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("deploykit.token.fetches").tags("component", "bc", "outcome", "success").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("deploykit.waits.active").tags("component", "bc").gauge().value()).isZero();
    }
}
