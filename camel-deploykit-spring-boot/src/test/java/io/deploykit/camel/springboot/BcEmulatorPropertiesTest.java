package io.deploykit.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.deploykit.camel.bc.BcConstants;
import io.deploykit.emulator.bc.BcEmulator;

/** A bc endpoint that names only its operation works with everything else coming from properties. */
@SpringBootTest(classes = TestApplication.class, properties = "logging.level.io.deploykit=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // the emulator lives as long as this class
class BcEmulatorPropertiesTest {

    static final String COMPANY = "CRONUS USA, Inc.";
    static final String CLIENT_SECRET = "spring-secret-never-logged";

    static BcEmulator emulator;

    @Autowired
    ProducerTemplate template;

    @DynamicPropertySource
    static void bcProperties(DynamicPropertyRegistry registry) {
        emulator = BcEmulator.builder().port(0).client("spring-client", CLIENT_SECRET).start();
        registry.add("camel.component.bc.base-url", emulator::apiBaseUrl);
        registry.add("camel.component.bc.token-url", emulator::tokenUrl);
        registry.add("camel.component.bc.tenant-id", emulator::tenant);
        registry.add("camel.component.bc.environment", emulator::environment);
        registry.add("camel.component.bc.company-name", () -> COMPANY);
        registry.add("camel.component.bc.client-id", () -> "spring-client");
        registry.add("camel.component.bc.client-secret", () -> CLIENT_SECRET);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void listsThePackagesOfTheConfiguredCompany(CapturedOutput output) {
        Exchange exchange = template.send("bc:configurationPackage?operation=list", e -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isInstanceOf(List.class);
        assertThat(exchange.getMessage().getHeader(BcConstants.COMPANY_ID)).isEqualTo(emulator.company(COMPANY).id());
        assertThat(emulator.tokenRequestCount()).isEqualTo(1);
        assertThat(output).contains("Configured the bc component from camel.component.bc.*: [baseUrl, clientId,"
                                    + " clientSecret, companyName, environment, tenantId, tokenUrl]")
                .doesNotContain(CLIENT_SECRET);
    }
}
